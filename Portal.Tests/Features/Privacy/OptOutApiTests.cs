using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions;
using Portal.Features.Loops;
using Portal.Features.Privacy;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy;

/// <summary>Opting out through the API, by context flag and by Global Privacy Control, and what Rank then does and keeps.</summary>
public sealed class OptOutApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task An_opted_out_user_gets_the_baseline_and_nothing_about_them_is_stored_or_learned()
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1), ExplorationPercentage = 0 });
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync(OptOutPath(loopId, "user-42"), null)).StatusCode);

        var optedOut = await RankAsync(api, "user-42", eventId: "opted-out-1");
        var other = await RankAsync(api, "user-7", eventId: "personalized-1");
        await api.PostAsync("/personalizer/v1.0/events/opted-out-1/reward", RankPayloads.Json("""{"value":1}"""));
        await api.PostAsync("/personalizer/v1.0/events/personalized-1/reward", RankPayloads.Json("""{"value":1}"""));

        Assert.False(optedOut.GetProperty("personalized").GetBoolean());
        Assert.Equal("action-0", optedOut.GetProperty("rewardActionId").GetString());
        Assert.Equal(1.0, optedOut.GetProperty("ranking")[0].GetProperty("probability").GetDouble());
        Assert.True(other.GetProperty("personalized").GetBoolean());

        var stored = await DecisionAsync(loopId, "opted-out-1");
        Assert.Equal(RankService.OptedOutRequestJson, stored.RequestJson);
        Assert.Equal("[]", stored.ExplanationJson);
        Assert.Equal("""[{"id":"action-0","probability":1},{"id":"action-1","probability":0},{"id":"action-2","probability":0}]""", stored.RankingJson);
        Assert.True(stored.Oversight.HasFlag(OversightEffects.OptedOut));
        Assert.DoesNotContain("user-42", stored.RequestJson + stored.RankingJson + stored.OversightDetail);
        Assert.DoesNotContain("25-34", (await DecisionAsync(loopId, "opted-out-1")).RequestJson);

        // Both were rewarded; once the trainer is past both (the later one may still wait when the first is due), only the
        // personalized one is learned.
        var lastSeq = Math.Max((await DecisionAsync(loopId, "opted-out-1")).Seq, (await DecisionAsync(loopId, "personalized-1")).Seq);
        var loop = await factory.TrainedPastAsync(loopId, lastSeq);
        Assert.Equal(1, loop.Model.Current.ExamplesLearned);
    }

    [Fact]
    public async Task Opting_back_in_personalizes_again_and_the_registry_keeps_only_a_keyed_hash()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var put = await (await api.PutAsync(OptOutPath(loopId, "jane@example.com"), null)).ReadJsonAsync();
        Assert.True(put.GetProperty("optedOut").GetBoolean());
        Assert.True((await (await api.GetAsync(OptOutPath(loopId, "jane@example.com"))).ReadJsonAsync()).GetProperty("optedOut").GetBoolean());

        await using (var db = await Db())
        {
            var row = await db.OptOuts.SingleAsync(o => o.LoopId == loopId);
            Assert.Matches("^[0-9a-f]{32}$", row.UserHash);
            Assert.DoesNotContain("jane", row.UserHash);
            Assert.Equal(OptOutSource.Api, row.Source);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(OptOutPath(loopId, "jane@example.com"))).StatusCode);
        Assert.True((await RankAsync(api, "jane@example.com")).GetProperty("personalized").GetBoolean());
        Assert.False((await (await api.GetAsync(OptOutPath(loopId, "jane@example.com"))).ReadJsonAsync()).GetProperty("optedOut").GetBoolean());
        await using (var db = await Db()) Assert.False(await db.OptOuts.AnyAsync(o => o.LoopId == loopId));
    }

    [Fact]
    public async Task An_opt_out_survives_a_restart_of_the_registry()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        await api.PutAsync(OptOutPath(loopId, "user-restart"), null);

        var reloaded = factory.Services.GetRequiredService<OptOutRegistry>();
        await reloaded.LoadAsync(CancellationToken.None);

        Assert.False((await RankAsync(api, "user-restart")).GetProperty("personalized").GetBoolean());
    }

    [Fact]
    public async Task The_context_flag_opts_one_call_out()
    {
        var (_, api) = await factory.CreateLoopAsync();
        var body = Body("anyone");
        body["contextFeatures"]!.AsArray().Add(new JsonObject { ["_optOut"] = true });

        var rank = await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body))).ReadJsonAsync();

        Assert.False(rank.GetProperty("personalized").GetBoolean());
    }

    [Fact]
    public async Task Global_Privacy_Control_counts_as_an_opt_out_unless_the_loop_turned_it_off()
    {
        var (_, honouring) = await factory.CreateLoopAsync();
        var (_, ignoring) = await factory.CreateLoopAsync(LoopSettings.Default with { HonorGlobalPrivacyControl = false });

        Assert.False((await RankAsync(honouring, "u", gpc: true)).GetProperty("personalized").GetBoolean());
        Assert.True((await RankAsync(honouring, "u", gpc: false)).GetProperty("personalized").GetBoolean());
        Assert.True((await RankAsync(ignoring, "u", gpc: true)).GetProperty("personalized").GetBoolean());
    }

    [Fact]
    public async Task The_loops_not_profiled_action_is_served_when_it_is_a_candidate_and_frozen_actions_still_are_not()
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { NotProfiledActionId = "action-2" });
        await api.PutAsync(OptOutPath(loopId, "u-1"), null);
        Assert.Equal("action-2", (await RankAsync(api, "u-1")).GetProperty("rewardActionId").GetString());

        var frozen = await factory.Services.GetRequiredService<Portal.Features.Oversight.FreezeService>()
            .FreezeAsync(loopId, "action-2", "Test freeze", null, TestActors.Admin(), CancellationToken.None);
        Assert.True(frozen.Succeeded, frozen.Message);

        Assert.Equal("action-0", (await RankAsync(api, "u-1")).GetProperty("rewardActionId").GetString());
    }

    [Theory]
    [InlineData("a%0Ab")]
    [InlineData("%07bell")]
    public async Task A_user_id_with_control_characters_is_refused_and_nothing_is_stored(string userId)
    {
        var (loopId, api) = await factory.CreateLoopAsync();

        var response = await api.PutAsync($"/api/v1/loops/{loopId}/opt-outs/{userId}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal("BadRequest", code);
        Assert.Contains("control characters", message);
        await using var db = await Db();
        Assert.False(await db.OptOuts.AnyAsync(o => o.LoopId == loopId));
    }

    [Fact]
    public async Task A_too_long_user_id_an_unknown_loop_another_loops_key_and_no_credentials_are_refused_in_the_api_shape()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var (_, otherApi) = await factory.CreateLoopAsync();

        var tooLong = await api.PutAsync(OptOutPath(loopId, new string('x', UserIds.MaxLength + 1)), null);
        var unknownLoop = await api.PutAsync(OptOutPath("no-such-loop", "u"), null);
        var foreignKey = await otherApi.PutAsync(OptOutPath(loopId, "u"), null);
        var anonymous = await factory.CreateClient().PutAsync(OptOutPath(loopId, "u"), null);

        Assert.Equal((HttpStatusCode.BadRequest, "BadRequest"), (tooLong.StatusCode, (await tooLong.ReadErrorAsync()).Code));
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound"), (unknownLoop.StatusCode, (await unknownLoop.ReadErrorAsync()).Code));
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (foreignKey.StatusCode, (await foreignKey.ReadErrorAsync()).Code));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var db = await Db();
        Assert.False(await db.OptOuts.AnyAsync(o => o.LoopId == loopId));
    }

    [Fact]
    public async Task A_product_owners_token_may_record_an_opt_out_and_a_compliance_reviewers_may_not()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var owner = await factory.TokenClientAsync("owner-optout@test.local", PortalRoles.ProductOwner);
        var reviewer = await factory.TokenClientAsync("reviewer-optout@test.local", PortalRoles.ComplianceReviewer);

        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync(OptOutPath(loopId, "u-token"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.DeleteAsync(OptOutPath(loopId, "u-token"))).StatusCode);
        Assert.NotNull(factory.Services.GetRequiredService<OptOutRegistry>().OptedOutAt(loopId, "u-token"));
    }

    private static string OptOutPath(string loopId, string userId) => $"/api/v1/loops/{loopId}/opt-outs/{Uri.EscapeDataString(userId)}";

    private static JsonObject Body(string userId, string? eventId = null)
    {
        var body = RankPayloads.Valid(3, eventId);
        body["contextFeatures"]![0]!["_userId"] = userId;
        return body;
    }

    private static async Task<JsonElement> RankAsync(HttpClient api, string userId, string? eventId = null, bool gpc = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/personalizer/v1.0/rank") { Content = RankPayloads.Json(Body(userId, eventId)) };
        if (gpc) request.Headers.Add("Sec-GPC", "1");
        var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<Decision> DecisionAsync(string loopId, string eventId)
    {
        await using var db = await Db();
        return await db.Decisions.AsNoTracking().SingleAsync(d => d.LoopId == loopId && d.EventId == eventId);
    }

    private Task<PortalDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
