using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accounts;
using Portal.Features.Accounts.Tokens;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight;

/// <summary>The oversight API through HTTP with personal API tokens: roles, errors, and effects on Rank.</summary>
public sealed class OversightApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Without_a_valid_token_every_call_gets_401_in_the_error_shape()
    {
        var anonymous = factory.CreateClient();
        var wrong = factory.BearerClient("ptk_" + new string('0', 64));
        var cookie = await factory.LoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        foreach (var client in new[] { anonymous, wrong, cookie })
        {
            var response = await client.GetAsync("/api/v1/loops");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", (await response.ReadErrorAsync()).Code);
        }
    }

    [Fact]
    public async Task A_product_owner_freezes_by_api_and_the_next_rank_obeys()
    {
        var (loopId, rank) = await LoopAsync();
        var owner = await factory.TokenClientAsync("po-freeze@test.local", PortalRoles.ProductOwner);

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/actions/action-0/freeze",
            RankPayloads.Json("""{"reason":"Wrong price shown","expiresAt":"2099-01-01T00:00:00Z"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var frozen = (await response.ReadJsonAsync()).GetProperty("frozen")[0];
        Assert.Equal(("action-0", "Wrong price shown", "po-freeze@test.local"),
            (frozen.GetProperty("actionId").GetString(), frozen.GetProperty("reason").GetString(), frozen.GetProperty("frozenBy").GetString()));
        for (var i = 0; i < 10; i++) Assert.NotEqual("action-0", await ChosenAsync(rank));
        var unfrozen = await owner.PostAsync($"/api/v1/loops/{loopId}/actions/action-0/unfreeze", RankPayloads.Json("""{"reason":"price fixed"}"""));
        Assert.Equal(HttpStatusCode.OK, unfrozen.StatusCode);
    }

    [Theory]
    [InlineData("""{"expiresAt":"2099-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "reason")]
    [InlineData("""{"reason":"x","expiresAt":"yesterday"}""", HttpStatusCode.BadRequest, "$.expiresAt")]
    [InlineData("""{"reason":""", HttpStatusCode.BadRequest, "not valid")]
    public async Task A_bad_freeze_request_gets_400_naming_what_is_wrong(string body, HttpStatusCode status, string named)
    {
        var (loopId, _) = await LoopAsync();
        var owner = await factory.TokenClientAsync("po-bad@test.local", PortalRoles.ProductOwner);

        var response = await owner.PostAsync($"/api/v1/loops/{loopId}/actions/action-1/freeze", RankPayloads.Json(body));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, (await response.ReadErrorAsync()).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_things_get_404_and_a_second_freeze_409()
    {
        var (loopId, _) = await LoopAsync();
        var owner = await factory.TokenClientAsync("po-404@test.local", PortalRoles.ProductOwner);
        var body = RankPayloads.Json("""{"reason":"test"}""");

        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync("/api/v1/loops/no-such-loop/actions/a/freeze", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync($"/api/v1/loops/{loopId}/actions/nope/freeze", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/loops/{loopId}/actions/action-2/freeze", body)).StatusCode);
        var again = await owner.PostAsync($"/api/v1/loops/{loopId}/actions/action-2/freeze", body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Conflict", (await again.ReadErrorAsync()).Code);
    }

    [Fact]
    public async Task A_compliance_reviewer_may_freeze_but_not_pull_the_kill_switch_and_gets_403_in_the_error_shape()
    {
        var (loopId, _) = await LoopAsync();
        var reviewer = await factory.TokenClientAsync("cr-403@test.local", PortalRoles.ComplianceReviewer);

        var read = await reviewer.GetAsync("/api/v1/loops");
        var freeze = await reviewer.PostAsync($"/api/v1/loops/{loopId}/actions/action-0/freeze", RankPayloads.Json("""{"reason":"Reported as offensive"}"""));
        var kill = await reviewer.PutAsync($"/api/v1/loops/{loopId}/kill-switch", RankPayloads.Json("""{"on":true,"reason":"x"}"""));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freeze.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, kill.StatusCode);
        Assert.Equal("Forbidden", (await kill.ReadErrorAsync()).Code);
    }

    [Fact]
    public async Task The_kill_switch_and_the_mode_are_set_by_api_with_a_reason()
    {
        var (loopId, rank) = await LoopAsync();
        var admin = await factory.TokenClientAsync("admin-kill@test.local", PortalRoles.Admin);

        var noReason = await admin.PutAsync($"/api/v1/loops/{loopId}/kill-switch", RankPayloads.Json("""{"on":true}"""));
        var on = await admin.PutAsync($"/api/v1/loops/{loopId}/kill-switch", RankPayloads.Json("""{"on":true,"reason":"Incident 7"}"""));
        var served = await ChosenAsync(rank);
        var off = await admin.PutAsync($"/api/v1/loops/{loopId}/kill-switch", RankPayloads.Json("""{"on":false,"reason":"Incident 7 closed"}"""));
        var badMode = await admin.PutAsync($"/api/v1/loops/{loopId}/mode", RankPayloads.Json("""{"mode":"sideways","reason":"x"}"""));
        var mode = await admin.PutAsync($"/api/v1/loops/{loopId}/mode", RankPayloads.Json("""{"mode":"loggingOnly","reason":"Audit week"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await on.ReadJsonAsync()).GetProperty("killSwitch").GetBoolean());
        Assert.Equal("action-0", served);
        Assert.False((await off.ReadJsonAsync()).GetProperty("killSwitch").GetBoolean());
        Assert.Contains("$.mode", (await badMode.ReadErrorAsync()).Message);
        Assert.Equal("loggingOnly", (await mode.ReadJsonAsync()).GetProperty("mode").GetString());
    }

    [Fact]
    public async Task A_rule_written_by_api_needs_another_persons_approval()
    {
        var (loopId, rank) = await LoopAsync();
        var owner = await factory.TokenClientAsync("po-rule@test.local", PortalRoles.ProductOwner);
        var both = await factory.TokenClientAsync("both-rule@test.local", PortalRoles.ProductOwner, PortalRoles.ComplianceReviewer);
        var reviewer = await factory.TokenClientAsync("cr-rule@test.local", PortalRoles.ComplianceReviewer);
        var rule = RankPayloads.Json($$$"""
            {"loopId":"{{{loopId}}}","segment":{"definition":{"match":"all","conditions":[{"feature":"user.ageBand","op":"equals","values":["25-34"]}]}},
             "kind":"forceAction","actionIds":["action-2"],"reason":"Launch week","priority":3}
            """);

        var created = await both.PostAsync("/api/v1/rules", rule);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt64();
        var byOwner = await owner.PostAsync($"/api/v1/rules/{id}/approve", RankPayloads.Json("{}"));
        var byAuthor = await both.PostAsync($"/api/v1/rules/{id}/approve", RankPayloads.Json("{}"));
        var byReviewer = await reviewer.PostAsync($"/api/v1/rules/{id}/approve", RankPayloads.Json("""{"note":"ok"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byAuthor.StatusCode);
        Assert.Contains("four eyes", (await byAuthor.ReadErrorAsync()).Message);
        Assert.Equal("acting", (await byReviewer.ReadJsonAsync()).GetProperty("state").GetString());
        Assert.Equal("action-2", await ChosenAsync(rank));
    }

    [Fact]
    public async Task A_locked_or_revoked_persons_token_stops_working()
    {
        var locked = await factory.TokenClientAsync("locked-token@test.local", PortalRoles.Admin);
        var revokedEmail = "revoked-token@test.local";
        var revoked = await factory.TokenClientAsync(revokedEmail, PortalRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await locked.GetAsync("/api/v1/loops")).StatusCode);

        await factory.Services.GetRequiredService<UserAdministration>()
            .SetLockedAsync((await factory.ActorAsync("locked-token@test.local")).UserId!, true, Actor.System, CancellationToken.None);
        var owner = await factory.ActorAsync(revokedEmail);
        var tokens = factory.Services.GetRequiredService<ApiTokenService>();
        await tokens.RevokeAsync(owner, (await tokens.ListAsync(owner.UserId!, CancellationToken.None)).Single().Id, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await locked.GetAsync("/api/v1/loops")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/v1/loops")).StatusCode);
    }

    [Fact]
    public async Task The_audit_api_filters_exports_formula_safe_csv_and_verifies()
    {
        var (loopId, _) = await LoopAsync();
        var owner = await factory.TokenClientAsync("po-audit@test.local", PortalRoles.ProductOwner);
        var reviewer = await factory.TokenClientAsync("cr-audit@test.local", PortalRoles.ComplianceReviewer);
        await owner.PostAsync($"/api/v1/loops/{loopId}/actions/action-1/freeze", RankPayloads.Json("""{"reason":"=HYPERLINK(\"http://evil\")"}"""));

        var page = await (await reviewer.GetAsync($"/api/v1/audit?loopId={loopId}&action=action.freeze")).ReadJsonAsync();
        var csv = await reviewer.GetAsync($"/api/v1/audit?loopId={loopId}&format=csv");
        var verify = await (await reviewer.GetAsync("/api/v1/audit/verify")).ReadJsonAsync();
        var forbidden = await owner.GetAsync("/api/v1/audit");

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("po-audit@test.local", page.GetProperty("entries")[0].GetProperty("actor").GetString());
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text);
        Assert.DoesNotContain(",\"=HYPERLINK", text);
        Assert.True(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "export" && e.ActorName == "cr-audit@test.local"));
    }

    private Task<(string LoopId, HttpClient Rank)> LoopAsync() => factory.LoopWithActionsAsync();

    private static async Task<string> ChosenAsync(HttpClient rank)
    {
        var body = JsonNode.Parse(await (await rank.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)))).Content.ReadAsStringAsync())!;
        return body["rewardActionId"]!.GetValue<string>();
    }
}
