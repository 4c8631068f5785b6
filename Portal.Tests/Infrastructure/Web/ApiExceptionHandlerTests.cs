using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Web;

public sealed class ApiExceptionHandlerTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_services_refusal_on_an_api_route_is_403_in_personalizers_error_shape()
    {
        var (http, body) = Context("/api/v1/loops/demo/kill-switch");

        var handled = await Handler().TryHandleAsync(http, new ForbiddenException(PortalPolicies.Oversee, "rita@test.local"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status403Forbidden, http.Response.StatusCode);
        var error = JsonNode.Parse(body.ToArray())!["error"]!;
        Assert.Equal("Forbidden", error["code"]!.GetValue<string>());
        Assert.Equal("rita@test.local is not allowed to steer what is served (kill switches, modes, override rules).", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_services_refusal_on_a_download_is_a_plain_403_that_says_why()
    {
        var (http, body) = Context("/audit/export.csv");

        var handled = await Handler().TryHandleAsync(http, new ForbiddenException(PortalPolicies.ReadAudit, "paula@test.local"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status403Forbidden, http.Response.StatusCode);
        Assert.Equal("paula@test.local is not allowed to read or export the audit log.", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Other_failures_off_the_api_are_left_to_the_error_page()
    {
        var (http, _) = Context("/controls");

        Assert.False(await Handler().TryHandleAsync(http, new InvalidOperationException("boom"), CancellationToken.None));
    }

    private static ApiExceptionHandler Handler() => new(NullLogger<ApiExceptionHandler>.Instance);

    private (DefaultHttpContext Http, MemoryStream Body) Context(string path)
    {
        var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = factory.Services };
        http.Request.Path = path;
        http.Response.Body = body;
        return (http, body);
    }
}
