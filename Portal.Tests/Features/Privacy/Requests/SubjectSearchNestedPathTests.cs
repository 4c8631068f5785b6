using System.Text.Json.Nodes;
using Portal.Features.Decisions.Log;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>An installation whose applications send the user id as an ordinary nested feature (<c>user.id</c>).</summary>
public sealed class SubjectSearchNestedPathTests(SubjectSearchNestedPathTests.NestedUserIdApp factory) : IClassFixture<SubjectSearchNestedPathTests.NestedUserIdApp>
{
    public sealed class NestedUserIdApp : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Portal:Privacy:UserIdFeature"] = "user.id" };
    }

    [Fact]
    public async Task The_configured_path_is_followed_in_any_context_object_and_the_default_key_no_longer_counts()
    {
        var (_, api) = await factory.CreateLoopAsync();
        await api.RankForAsync(null, body => body["contextFeatures"]![0]!["user"]!["id"] = "nested-7");
        await api.RankForAsync(null, body => body["contextFeatures"]!.AsArray().Add(new JsonObject { ["user"] = new JsonObject { ["id"] = "nested-7" } }));
        await api.RankForAsync("nested-7");
        await api.RankForAsync(null, body => body["contextFeatures"]![0]!["id"] = "nested-7");

        Assert.Equal(2, (await factory.FindAsync("nested-7")).CountOf(SubjectDecisions.Kind));
    }
}
