using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight;

/// <summary>Oversight changes made through the services, observed through the real Rank API and the trainer.</summary>
public sealed class OversightServicesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Olivia = TestActors.Person("olivia-id", "olivia@test.local", PortalRoles.Admin);
    private static readonly Actor Rachel = TestActors.Person("rachel-id", "rachel@test.local", PortalRoles.ComplianceReviewer);

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_frozen_action_is_never_returned_until_it_is_unfrozen()
    {
        var (loopId, api) = await LoopWithCatalogAsync();

        var frozen = await Service<FreezeService>().FreezeAsync(loopId, "action-1", "Offensive headline", null, Olivia, CancellationToken.None);

        Assert.True(frozen.Succeeded, frozen.Message);
        for (var i = 0; i < 30; i++)
        {
            var body = await RankAsync(api);
            Assert.NotEqual("action-1", body["rewardActionId"]!.GetValue<string>());
            Assert.Equal(0.0, ProbabilityOf(body, "action-1"));
        }
        var unfrozen = await Service<FreezeService>().UnfreezeAsync(loopId, "action-1", "Headline fixed", Olivia, CancellationToken.None);
        Assert.True(unfrozen.Succeeded, unfrozen.Message);
        Assert.True(ProbabilityOf(await RankAsync(api), "action-1") > 0);
    }

    [Fact]
    public async Task A_freeze_needs_a_reason_a_known_action_and_is_audited_once()
    {
        var (loopId, _) = await LoopWithCatalogAsync();
        var freezes = Service<FreezeService>();

        var noReason = await freezes.FreezeAsync(loopId, "action-0", "  ", null, Olivia, CancellationToken.None);
        var unknown = await freezes.FreezeAsync(loopId, "no-such-action", "reason", null, Olivia, CancellationToken.None);
        var past = await freezes.FreezeAsync(loopId, "action-0", "reason", DateTimeOffset.UtcNow.AddMinutes(-1), Olivia, CancellationToken.None);
        var first = await freezes.FreezeAsync(loopId, "action-0", "Broken link", DateTimeOffset.UtcNow.AddHours(1), Olivia, CancellationToken.None);
        var twice = await freezes.FreezeAsync(loopId, "action-0", "again", null, Olivia, CancellationToken.None);

        Assert.Equal(OversightProblem.Invalid, noReason.Problem);
        Assert.Equal(OversightProblem.NotFound, unknown.Problem);
        Assert.Equal(OversightProblem.Invalid, past.Problem);
        Assert.True(first.Succeeded);
        Assert.Equal(OversightProblem.Conflict, twice.Problem);
        var audit = await Service<AuditQueries>().FindAsync(new AuditFilter(LoopId: loopId, Action: "action.freeze"), 0, 10, CancellationToken.None);
        var entry = Assert.Single(audit.Entries);
        Assert.Equal(("olivia@test.local", "Broken link", $"{loopId}/action-0"), (entry.ActorName, entry.Reason, entry.TargetId));
    }

    [Fact]
    public async Task The_kill_switch_serves_the_baseline_marks_the_decisions_and_stops_learning()
    {
        var (loopId, api) = await LoopWithCatalogAsync();
        var learned = LearnedBy(loopId);

        var on = await Service<LoopControlService>().SetKillSwitchAsync(loopId, true, "Complaints about suggestions", Olivia, CancellationToken.None);

        Assert.True(on.Succeeded, on.Message);
        for (var i = 0; i < 10; i++)
        {
            var body = await RankAsync(api);
            Assert.Equal("action-0", body["rewardActionId"]!.GetValue<string>());
            Assert.Equal(1.0, ProbabilityOf(body, "action-0"));
        }
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var marked = await db.Decisions.Where(d => d.LoopId == loopId && d.Oversight == OversightEffects.KillSwitch).CountAsync();
        Assert.Equal(10, marked);
        await WaitForTrainerPastAsync(loopId);
        Assert.Equal(learned, LearnedBy(loopId));
    }

    [Fact]
    public async Task The_global_kill_switch_stops_every_loop_and_is_audited_with_its_reason()
    {
        var (loopId, api) = await LoopWithCatalogAsync();
        var controls = Service<LoopControlService>();

        var on = await controls.SetKillSwitchAsync(null, true, "Incident 42", Olivia, CancellationToken.None);
        var body = await RankAsync(api);
        var off = await controls.SetKillSwitchAsync(null, false, "Incident 42 resolved", Olivia, CancellationToken.None);

        Assert.True(on.Succeeded && off.Succeeded);
        Assert.Equal("action-0", body["rewardActionId"]!.GetValue<string>());
        var audit = await Service<AuditQueries>().FindAsync(new AuditFilter(Action: "kill-switch."), 0, 10, CancellationToken.None);
        Assert.Contains(audit.Entries, e => e.Action == "kill-switch.on" && e.TargetType == "all-loops" && e.Reason == "Incident 42");
    }

    [Fact]
    public async Task A_rule_acts_only_after_someone_other_than_its_author_approves_it()
    {
        var (loopId, api) = await LoopWithCatalogAsync(actions: 4);
        var rules = Service<RuleService>();
        var draft = new RuleDraft(loopId, "user.ageBand = 25-34", SegmentDefinition.Is("user.ageBand", "25-34"),
            OverrideKind.ForceAction, ["action-3"], "Campaign for this age band", Priority: 5);

        var created = await rules.CreateAsync(draft, Olivia, CancellationToken.None);
        var pendingChoices = await ChoicesAsync(api, 15);
        var selfApproval = await rules.ApproveAsync(created.Id!.Value, null, Olivia, CancellationToken.None);
        var approval = await rules.ApproveAsync(created.Id.Value, "Checked the campaign", Rachel, CancellationToken.None);
        var approvedChoices = await ChoicesAsync(api, 10);

        Assert.True(created.Succeeded, created.Message);
        Assert.Contains(pendingChoices, c => c != "action-3");
        Assert.Equal(OversightProblem.Conflict, selfApproval.Problem);
        Assert.Contains("someone else must approve", selfApproval.Message);
        Assert.True(approval.Succeeded, approval.Message);
        Assert.All(approvedChoices, c => Assert.Equal("action-3", c));
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(10, await db.Decisions.CountAsync(d => d.LoopId == loopId && d.RuleId == created.Id));
    }

    [Fact]
    public async Task A_revoked_rule_stops_acting_and_a_rejected_one_never_acts()
    {
        var (loopId, api) = await LoopWithCatalogAsync(actions: 4);
        var rules = Service<RuleService>();
        var draft = new RuleDraft(loopId, "everyone 25-34", SegmentDefinition.Is("user.ageBand", "25-34"), OverrideKind.ServeBaseline, [], "Investigating");
        var revoked = (await rules.CreateAsync(draft, Olivia, CancellationToken.None)).Id!.Value;
        var rejected = (await rules.CreateAsync(draft with { Kind = OverrideKind.ForceAction, ActionIds = ["action-2"] }, Olivia, CancellationToken.None)).Id!.Value;

        await rules.ApproveAsync(revoked, null, Rachel, CancellationToken.None);
        var underRule = await ChoicesAsync(api, 5);
        var noNote = await rules.RejectAsync(rejected, "", Rachel, CancellationToken.None);
        await rules.RejectAsync(rejected, "Not justified", Rachel, CancellationToken.None);
        await rules.RevokeAsync(revoked, "Investigation over", Olivia, CancellationToken.None);
        var approveRejected = await rules.ApproveAsync(rejected, null, Rachel, CancellationToken.None);

        Assert.All(underRule, c => Assert.Equal("action-0", c));
        Assert.Equal(OversightProblem.Invalid, noNote.Problem);
        Assert.Equal(OversightProblem.Conflict, approveRejected.Problem);
        Assert.Empty(Service<ControlState>().Current.For(loopId).Rules);
    }

    [Fact]
    public async Task Without_four_eyes_a_rule_acts_at_once()
    {
        var (loopId, api) = await LoopWithCatalogAsync(actions: 3);
        await Service<LoopControlService>().SetRuleApprovalAsync(loopId, false, "Sandbox loop", Olivia, CancellationToken.None);

        await Service<RuleService>().CreateAsync(new RuleDraft(loopId, "25-34", SegmentDefinition.Is("user.ageBand", "25-34"),
            OverrideKind.ExcludeActions, ["action-0", "action-1"], "Only action 2 for now"), Olivia, CancellationToken.None);

        Assert.All(await ChoicesAsync(api, 5, actions: 3), c => Assert.Equal("action-2", c));
    }

    [Fact]
    public async Task A_flagged_decision_is_not_learned_from()
    {
        var (loopId, api) = await LoopWithCatalogAsync();
        var learned = LearnedBy(loopId);
        var eventId = (await RankAsync(api))["eventId"]!.GetValue<string>();

        var flagged = await Service<DecisionReviewService>().FlagAsync(loopId, eventId, "Shown to a minor", Rachel, CancellationToken.None);

        Assert.True(flagged.Outcome.Succeeded, flagged.Outcome.Message);
        Assert.False(flagged.AlreadyLearned);
        await WaitForTrainerPastAsync(loopId);
        Assert.Equal(learned, LearnedBy(loopId));
        var again = await Service<DecisionReviewService>().FlagAsync(loopId, eventId, "twice", Rachel, CancellationToken.None);
        Assert.Equal(OversightProblem.Conflict, again.Outcome.Problem);
    }

    [Fact]
    public async Task In_model_frozen_mode_the_model_serves_but_learns_nothing()
    {
        var (loopId, api) = await LoopWithCatalogAsync();
        var learned = LearnedBy(loopId);

        var changed = await Service<LoopControlService>().SetModeAsync(loopId, ServingMode.ModelFrozen, "Holiday season", Olivia, CancellationToken.None);
        await ChoicesAsync(api, 5);

        Assert.True(changed.Succeeded, changed.Message);
        await WaitForTrainerPastAsync(loopId);
        Assert.Equal(learned, LearnedBy(loopId));
        var same = await Service<LoopControlService>().SetModeAsync(loopId, ServingMode.ModelFrozen, "again", Olivia, CancellationToken.None);
        Assert.Equal(OversightProblem.Conflict, same.Problem);
    }

    [Fact]
    public async Task The_impact_estimate_counts_recent_decisions_the_rule_would_have_changed()
    {
        var (loopId, api) = await LoopWithCatalogAsync(actions: 3);
        await ChoicesAsync(api, 20, actions: 3);
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var notAction2 = await db.Decisions.CountAsync(d => d.LoopId == loopId && d.ChosenActionId != "action-2");

        var estimate = await Service<RuleImpact>().EstimateAsync(loopId, SegmentDefinition.Is("user.ageBand", "25-34"),
            OverrideKind.ForceAction, ["action-2"], CancellationToken.None);
        var elsewhere = await Service<RuleImpact>().EstimateAsync(loopId, SegmentDefinition.Is("user.ageBand", "65+"),
            OverrideKind.ServeBaseline, [], CancellationToken.None);

        Assert.Equal((21, 21, notAction2), (estimate.Scanned, estimate.Matching, estimate.WouldChange));
        Assert.Equal((21, 0, 0), (elsewhere.Scanned, elsewhere.Matching, elsewhere.WouldChange));
    }

    /// <summary>
    /// A loop of its own whose catalog knows its actions (the catalog is written in the background) and whose first
    /// decision has been learned.
    /// </summary>
    private async Task<(string LoopId, HttpClient Api)> LoopWithCatalogAsync(int actions = 3, TimeSpan? rewardWait = null)
    {
        var (loopId, api) = await factory.LoopWithActionsAsync(actions, LoopSettings.Default with { RewardWaitTime = rewardWait ?? TimeSpan.FromSeconds(1) });
        await WaitForTrainerPastAsync(loopId);
        return (loopId, api);
    }

    private static async Task<JsonNode> RankAsync(HttpClient api, int actions = 3)
    {
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(actions)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<List<string>> ChoicesAsync(HttpClient api, int count, int actions = 4)
    {
        var choices = new List<string>();
        for (var i = 0; i < count; i++) choices.Add((await RankAsync(api, actions))["rewardActionId"]!.GetValue<string>());
        return choices;
    }

    private static double ProbabilityOf(JsonNode body, string actionId) =>
        body["ranking"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == actionId)!["probability"]!.GetValue<double>();

    private long LearnedBy(string loopId) => Service<LoopDirectory>().Find(loopId)!.Model.Current.ExamplesLearned;

    /// <summary>Waits until the trainer has passed every decision logged so far.</summary>
    private async Task WaitForTrainerPastAsync(string loopId)
    {
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var last = await db.Decisions.Where(d => d.LoopId == loopId).MaxAsync(d => d.Seq);
        var learner = Service<ModelRegistry>().Find(loopId)!;
        await Eventually.TrueAsync(() => learner.LastTrainedSeq >= last);
        // The pass that got there publishes its model when it releases the gate.
        await learner.Gate.WaitAsync();
        learner.Gate.Release();
    }
}
