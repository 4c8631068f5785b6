using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

/// <summary>Review panels through the oversight API (<c>/api/v1/review-panels</c>), as a compliance team automates them.</summary>
public sealed class ReviewPanelsApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static string Email(string who) => $"panels-{who}-{Guid.NewGuid():N}"[..24] + "@test.local";

    private static JsonObject NewPanel(string loopId) => new()
    {
        ["loopId"] = loopId, ["name"] = "Spring review", ["daysBack"] = 1, ["strataBy"] = "user.ageBand", ["perSegment"] = 5, ["expiresInDays"] = 7,
    };

    [Fact]
    public async Task A_compliance_reviewer_creates_a_panel_invites_a_reviewer_reads_results_revokes_the_link_and_deletes_the_panel()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        using var api = await factory.TokenClientAsync(Email("cr"), PortalRoles.ComplianceReviewer);
        using var browser = factory.CreateClient();

        var created = await api.PostAsJsonAsync("/api/v1/review-panels", NewPanel(loopId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panel = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var panelId = (long)panel["id"]!;
        Assert.Equal((loopId, "Spring review", 13), ((string?)panel["loopId"], (string?)panel["name"], (int)panel["items"]!));
        var listed = JsonNode.Parse(await api.GetStringAsync($"/api/v1/review-panels?loopId={loopId}"))!.AsArray();
        Assert.Equal([panelId], listed.Select(p => (long)p!["id"]!));

        var invited = await api.PostAsJsonAsync($"/api/v1/review-panels/{panelId}/invitations", new { label = "Ana from the tenants' board" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var invitation = JsonNode.Parse(await invited.Content.ReadAsStringAsync())!;
        var link = new Uri((string)invitation["link"]!);
        Assert.StartsWith("/review/", link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link.AbsolutePath)).StatusCode);
        var invitations = JsonNode.Parse(await api.GetStringAsync($"/api/v1/review-panels/{panelId}/invitations"))!.AsArray();
        var only = Assert.Single(invitations)!;
        Assert.Equal(("Ana from the tenants' board", 0), ((string?)only["label"], (int)only["judged"]!));
        Assert.Null(only["link"]);

        Assert.Equal(HttpStatusCode.OK, (await browser.JudgeAsync(link.AbsolutePath, "Appropriate")).StatusCode);
        var results = JsonNode.Parse(await api.GetStringAsync($"/api/v1/review-panels/{panelId}"))!;
        Assert.Equal((13, 1), ((int)results["items"]!, (int)results["reviewers"]!));
        var appropriate = results["overall"]!["verdicts"]!.AsArray().Single(v => (string?)v!["verdict"] == "appropriate")!;
        Assert.Equal((1, 1.0), ((int)appropriate["count"]!, (double)appropriate["share"]!));
        Assert.Equal(2, appropriate["interval95"]!.AsArray().Count);
        Assert.Null(results["overall"]!["agreement"]);
        Assert.Equal(["user.ageBand = 18-24", "user.ageBand = 25-34", "user.ageBand = 65+"],
            results["segments"]!.AsArray().Select(s => (string?)s!["segment"]));

        var invitationId = (long)invitation["invitationId"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/review-panels/{panelId}/invitations/{invitationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(link.AbsolutePath)).StatusCode);
        await AssertErrorAsync(await api.DeleteAsync($"/api/v1/review-panels/{panelId}/invitations/{invitationId}"), HttpStatusCode.NotFound, "no link");

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/review-panels/{panelId}")).StatusCode);
        await AssertErrorAsync(await api.GetAsync($"/api/v1/review-panels/{panelId}"), HttpStatusCode.NotFound, $"no review panel {panelId}");
    }

    [Theory]
    [InlineData("name", "", "Give the panel a name.")]
    [InlineData("perSegment", 0, "Between 1 and 100 decisions per segment.")]
    [InlineData("daysBack", 91, "Between 1 and 90 days.")]
    [InlineData("strataBy", "", "Choose a feature or saved segments.")]
    [InlineData("loopId", "no-such-loop", "No decisions of this loop")]
    public async Task Bad_input_is_a_400_naming_the_problem_and_nothing_is_created(string field, object value, string words)
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        using var api = await factory.TokenClientAsync(Email("bad"), PortalRoles.ComplianceReviewer);
        var body = NewPanel(loopId);
        body[field] = JsonValue.Create(value);

        await AssertErrorAsync(await api.PostAsJsonAsync("/api/v1/review-panels", body), HttpStatusCode.BadRequest, words);

        Assert.Empty(JsonNode.Parse(await api.GetStringAsync($"/api/v1/review-panels?loopId={loopId}"))!.AsArray());
    }

    [Fact]
    public async Task Every_role_reads_panels_but_only_compliance_reviewers_and_admins_change_them()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panelId = await factory.CreatePanelAsync(loopId);
        using var owner = await factory.TokenClientAsync(Email("po"), PortalRoles.ProductOwner);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/review-panels/{panelId}")).StatusCode);
        await AssertErrorAsync(await owner.PostAsJsonAsync("/api/v1/review-panels", NewPanel(loopId)), HttpStatusCode.Forbidden, null);
        await AssertErrorAsync(await owner.PostAsJsonAsync($"/api/v1/review-panels/{panelId}/invitations", new { label = "x" }), HttpStatusCode.Forbidden, null);
        await AssertErrorAsync(await owner.GetAsync($"/api/v1/review-panels/{panelId}/invitations"), HttpStatusCode.Forbidden, null);
        await AssertErrorAsync(await owner.DeleteAsync($"/api/v1/review-panels/{panelId}"), HttpStatusCode.Forbidden, null);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/review-panels")).StatusCode);
        using var admin = await factory.TokenClientAsync(Email("admin"), PortalRoles.Admin);
        await AssertErrorAsync(await admin.PostAsJsonAsync($"/api/v1/review-panels/{panelId}/invitations", new { label = "" }), HttpStatusCode.BadRequest,
            "Name the reviewer for yourself");
        await AssertErrorAsync(await admin.PostAsJsonAsync("/api/v1/review-panels/999999/invitations", new { label = "Bo" }), HttpStatusCode.NotFound, "no review panel");
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? words)
    {
        Assert.Equal(status, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.False(string.IsNullOrEmpty((string?)error["code"]));
        if (words is not null) Assert.Contains(words, (string?)error["message"]);
    }
}
