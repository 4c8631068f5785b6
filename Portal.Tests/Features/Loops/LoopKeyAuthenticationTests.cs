using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Loops;

public sealed class LoopKeyAuthenticationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    public static TheoryData<string, string> Endpoints() => new()
    {
        { "POST", "/personalizer/v1.0/rank" },
        { "POST", "/personalizer/v1.0/events/e1/reward" },
        { "POST", "/personalizer/v1.0/events/e1/activate" },
        { "GET", "/personalizer/v1.0/configurations/service" },
        { "PUT", "/personalizer/v1.0/configurations/service" },
        { "GET", "/personalizer/v1.0/configurations/policy" },
        { "PUT", "/personalizer/v1.0/configurations/policy" },
        { "DELETE", "/personalizer/v1.0/configurations/policy" },
        { "GET", "/personalizer/v1.0/logs/properties" },
        { "DELETE", "/personalizer/v1.0/logs" },
        { "DELETE", "/personalizer/v1.0/model" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_key_every_endpoint_answers_401_with_the_same_body(string method, string path)
    {
        var response = await factory.CreateApiClient(key: null).SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(await ExpectedBodyAsync(), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task With_a_wrong_key_every_endpoint_answers_401_with_the_same_body(string method, string path)
    {
        var response = await factory.CreateApiClient(key: "not-the-key").SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(await ExpectedBodyAsync(), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task With_the_right_key_no_endpoint_answers_401_or_403(string method, string path)
    {
        var response = await factory.CreateApiClient().SendAsync(Request(method, path));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_ignored()
    {
        var response = await factory.CreateApiClient(key: null)
            .PostAsync($"/personalizer/v1.0/rank?Ocp-Apim-Subscription-Key={PortalAppFactory.DemoKey}", RankPayloads.Json(RankPayloads.Valid()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_administrators_session_does_not_open_the_decision_api_and_the_key_alone_decides()
    {
        var browser = await factory.LoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        var withoutKey = await browser.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()));
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/personalizer/v1.0/rank") { Content = RankPayloads.Json(RankPayloads.Valid()) };
        keyed.Headers.Add("Ocp-Apim-Subscription-Key", PortalAppFactory.DemoKey);
        var withKey = await browser.SendAsync(keyed);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(await ExpectedBodyAsync(), await withoutKey.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, withKey.StatusCode);
        // The portal's session is not read on these routes, so not renewed or rewritten either.
        Assert.False(withKey.Headers.Contains("Set-Cookie"));
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : RankPayloads.Json("{}") };

    private async Task<string> ExpectedBodyAsync()
    {
        var reference = await factory.CreateApiClient(key: null).GetAsync("/personalizer/v1.0/configurations/service");
        var body = await reference.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"401\"", body);
        return body;
    }
}
