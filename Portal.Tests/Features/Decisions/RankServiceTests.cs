using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions;
using Portal.Features.Decisions.Feed;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
// The Personalizer request and response types (RankRequest, RankedAction, PersonalizerJsonContext): if they move, only this line changes.
using Portal.Contracts.Personalizer;

namespace Portal.Tests.Features.Decisions;

/// <summary>
/// RankService called directly, as the endpoint and the simulator call it, on loops of a real test app: what it serves
/// under oversight and each learning mode, what it logs before it answers, and what it announces. (Status codes,
/// validation and the plain frozen/kill-switch/rule flows are covered through the API in DecisionsApiTests and
/// OversightServicesTests.)
/// </summary>
public sealed class RankServiceTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Olivia = TestActors.Admin("olivia-id", "olivia@test.local");

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_decision_is_committed_to_the_log_before_the_result_returns()
    {
        var loop = await NewLoopAsync();
        var (request, json) = Request(eventId: "committed-" + Guid.NewGuid().ToString("N"));

        var result = await Rank(loop, request, json);

        // No waiting: the row is there the moment RankAsync has returned.
        var stored = await StoredAsync(loop.Id, result.Response!.EventId);
        Assert.NotNull(stored);
        Assert.Equal(json, stored.RequestJson);
        Assert.Equal(result.Response.RewardActionId, stored.ChosenActionId);
        Assert.Equal(ProbabilityOf(result, stored.ChosenActionId), stored.ChosenProbability);
        Assert.Equal(result.Response.Explored, stored.Explored);
        Assert.Equal(result.Response.ModelVersion, stored.ModelVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_ranking_lists_the_chosen_action_first_then_the_others_by_probability_with_excluded_ones_at_zero()
    {
        var loop = await NewLoopAsync();

        var results = new List<RankResult>();
        for (var i = 0; i < 20; i++) results.Add(await Rank(loop, Request(actions: 4, excluded: ["action-1"])));

        Assert.All(results, result =>
        {
            var ranking = result.Response!.Ranking;
            Assert.Equal(result.Response.RewardActionId, ranking[0].Id);
            Assert.Equal(1.0, ranking.Sum(r => r.Probability), 9);
            Assert.Equal(0.0, ranking.Single(r => r.Id == "action-1").Probability);
            Assert.True(ranking.Skip(1).Zip(ranking.Skip(2)).All(pair => pair.First.Probability >= pair.Second.Probability),
                string.Join(", ", ranking.Select(r => $"{r.Id}={r.Probability}")));
        });
        Assert.DoesNotContain(results, r => r.Response!.RewardActionId == "action-1");
    }

    [Fact]
    public async Task The_baseline_logged_is_the_first_action_not_excluded()
    {
        var loop = await NewLoopAsync();

        var result = await Rank(loop, Request(excluded: ["action-0"]));

        var stored = await StoredAsync(loop.Id, result.Response!.EventId);
        Assert.Equal("action-1", stored!.BaselineActionId);
    }

    [Fact]
    public void The_baseline_index_skips_excluded_actions_and_refuses_a_request_that_excludes_all()
    {
        Assert.Equal(0, RankService.BaselineIndex([false, false]));
        Assert.Equal(2, RankService.BaselineIndex([true, true, false, false]));
        Assert.Throws<InvalidOperationException>(() => RankService.BaselineIndex([true, true]));
    }

    [Theory]
    [InlineData(LearningMode.Apprentice)]
    [InlineData(LearningMode.LoggingOnly)]
    public async Task A_loop_that_does_not_serve_its_model_serves_the_baseline_for_sure(LearningMode mode)
    {
        var loop = await NewLoopAsync(LoopSettings.Default with { LearningMode = mode });

        var plain = await Rank(loop, Request());
        var withExclusion = await Rank(loop, Request(excluded: ["action-0"]));

        Assert.Equal(("action-0", 1.0, false), (plain.Response!.RewardActionId, ProbabilityOf(plain, "action-0"), plain.Response.Explored));
        Assert.Equal(("action-1", 1.0), (withExclusion.Response!.RewardActionId, ProbabilityOf(withExclusion, "action-1")));
        Assert.Equal(mode, (await StoredAsync(loop.Id, plain.Response.EventId))!.Mode);
    }

    [Fact]
    public async Task The_kill_switch_serves_the_first_action_the_caller_did_not_exclude_and_marks_the_decision()
    {
        var loop = await NewLoopAsync();
        await KillSwitchAsync(loop.Id);

        var result = await Rank(loop, Request(excluded: ["action-0"]));

        Assert.Equal("action-1", result.Response!.RewardActionId);
        Assert.Equal(1.0, ProbabilityOf(result, "action-1"));
        Assert.False(result.Response.Explored);
        var stored = await StoredAsync(loop.Id, result.Response.EventId);
        Assert.Equal(OversightEffects.KillSwitch, stored!.Oversight);
        Assert.Contains("kill switch", stored.OversightDetail);
    }

    [Fact]
    public async Task A_frozen_baseline_is_skipped_by_the_kill_switch_and_by_apprentice_mode()
    {
        var apprentice = await LoopWithActionsAsync(LoopSettings.Default with { LearningMode = LearningMode.Apprentice });
        var killed = await LoopWithActionsAsync();
        await FreezeAsync(apprentice.Id, "action-0");
        await FreezeAsync(killed.Id, "action-0");
        await KillSwitchAsync(killed.Id);

        var served = await Rank(apprentice, Request());
        var baseline = await Rank(killed, Request());

        Assert.Equal(("action-1", 1.0, 0.0), (served.Response!.RewardActionId, ProbabilityOf(served, "action-1"), ProbabilityOf(served, "action-0")));
        Assert.Equal("action-1", baseline.Response!.RewardActionId);
        Assert.Equal(OversightEffects.FrozenRemoved, (await StoredAsync(apprentice.Id, served.Response.EventId))!.Oversight);
        Assert.Equal(OversightEffects.FrozenRemoved | OversightEffects.KillSwitch, (await StoredAsync(killed.Id, baseline.Response.EventId))!.Oversight);
    }

    [Fact]
    public async Task When_every_candidate_is_frozen_the_callers_baseline_is_served_and_the_decision_says_so()
    {
        var loop = await LoopWithActionsAsync(actions: 2);
        await FreezeAsync(loop.Id, "action-0");
        await FreezeAsync(loop.Id, "action-1");

        var result = await Rank(loop, Request(actions: 2));

        Assert.Equal(("action-0", 1.0), (result.Response!.RewardActionId, ProbabilityOf(result, "action-0")));
        var stored = await StoredAsync(loop.Id, result.Response.EventId);
        Assert.Equal(OversightEffects.FrozenRemoved | OversightEffects.AllFrozenBaseline, stored!.Oversight);
        Assert.Contains("every candidate is frozen", stored.OversightDetail);
    }

    [Fact]
    public async Task A_rule_excluding_actions_for_a_segment_applies_only_to_requests_in_that_segment()
    {
        var loop = await LoopWithActionsAsync(actions: 3);
        var ruleId = await RuleWithoutFourEyesAsync(loop.Id, SegmentDefinition.Is("user.ageBand", "65+"), ["action-0", "action-1"]);

        var inSegment = await Rank(loop, Request(ageBand: "65+"));
        var outside = await Rank(loop, Request(ageBand: "25-34"));

        Assert.Equal("action-2", inSegment.Response!.RewardActionId);
        Assert.Equal((0.0, 0.0), (ProbabilityOf(inSegment, "action-0"), ProbabilityOf(inSegment, "action-1")));
        Assert.True(ProbabilityOf(outside, "action-0") > 0 && ProbabilityOf(outside, "action-1") > 0);
        var ruled = await StoredAsync(loop.Id, inSegment.Response.EventId);
        Assert.Equal((OversightEffects.RuleApplied, ruleId), (ruled!.Oversight, ruled.RuleId));
        var untouched = await StoredAsync(loop.Id, outside.Response!.EventId);
        Assert.Equal((OversightEffects.None, (long?)null), (untouched!.Oversight, untouched.RuleId));
    }

    [Fact]
    public async Task The_same_eventId_makes_the_same_choice_in_another_loop_with_the_same_model()
    {
        var first = await NewLoopAsync();
        var second = await NewLoopAsync();
        var eventIds = Enumerable.Range(0, 40).Select(i => $"replay-{i}").ToList();

        var firstChoices = new List<string>();
        var secondChoices = new List<string>();
        foreach (var eventId in eventIds)
        {
            firstChoices.Add((await Rank(first, Request(actions: 4, eventId: eventId))).Response!.RewardActionId);
            secondChoices.Add((await Rank(second, Request(actions: 4, eventId: eventId))).Response!.RewardActionId);
        }

        Assert.Equal(firstChoices, secondChoices);
        // Exploration is drawn from the eventId too: the replay covers explored choices, not one constant answer.
        Assert.True(firstChoices.Distinct().Count() > 1, string.Join(", ", firstChoices));
    }

    [Fact]
    public async Task A_repeated_eventId_is_refused_as_a_duplicate_and_neither_logged_nor_announced_again()
    {
        var loop = await NewLoopAsync();
        var eventId = "twice-" + Guid.NewGuid().ToString("N");
        using var feed = Service<DecisionFeed>().Subscribe();
        var first = await Rank(loop, Request(eventId: eventId));

        var second = await Rank(loop, Request(actions: 2, eventId: eventId));

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Null(second.Response);
        var announced = Drain(feed).OfType<DecidedItem>().Where(d => d.LoopId == loop.Id).ToList();
        Assert.Equal(eventId, Assert.Single(announced).EventId);
        Assert.Equal(3, announced[0].CandidateCount);
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.LoopId == loop.Id && d.EventId == eventId));
    }

    [Fact]
    public async Task A_committed_decision_is_announced_to_open_pages_as_it_was_served()
    {
        var loop = await NewLoopAsync();
        using var feed = Service<DecisionFeed>().Subscribe();

        var result = await Rank(loop, Request(ageBand: "65+", excluded: ["action-2"]));

        var announced = Assert.Single(Drain(feed).OfType<DecidedItem>(), d => d.LoopId == loop.Id);
        Assert.Equal((result.Response!.EventId, result.Response.RewardActionId, "action-0", 3),
            (announced.EventId, announced.ChosenActionId, announced.BaselineActionId, announced.CandidateCount));
        Assert.Equal(ProbabilityOf(result, announced.ChosenActionId), announced.ChosenProbability);
        Assert.Equal("65+", announced.Context[0].GetProperty("user").GetProperty("ageBand").GetString());
    }

    private Task<RankResult> Rank(LoopRuntime loop, (RankRequest Request, string Json) request) => Rank(loop, request.Request, request.Json);

    private Task<RankResult> Rank(LoopRuntime loop, RankRequest request, string json) =>
        Service<RankService>().RankAsync(loop, request, json, globalPrivacyControl: false, hashed: null, actionsJson: null, CancellationToken.None);

    /// <summary>A Rank body as a client sends it (<see cref="RankPayloads.Valid"/>), parsed the way the endpoint parses it.</summary>
    private static (RankRequest Request, string Json) Request(int actions = 3, string? eventId = null, string ageBand = "25-34", string[]? excluded = null)
    {
        var body = RankPayloads.Valid(actions, eventId);
        body["contextFeatures"]![0]!["user"]!["ageBand"] = ageBand;
        if (excluded is not null) body["excludedActions"] = new JsonArray(excluded.Select(id => (JsonNode)id).ToArray());
        var json = body.ToJsonString();
        var request = JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.RankRequest)!;
        Assert.Null(RankRequestValidator.Validate(request));
        return (request, json);
    }

    private static double ProbabilityOf(RankResult result, string actionId) =>
        result.Response!.Ranking.Single(r => r.Id == actionId).Probability;

    private async Task<LoopRuntime> NewLoopAsync(LoopSettings? settings = null)
    {
        var (loopId, _) = await factory.CreateLoopAsync(settings);
        return Service<LoopDirectory>().Find(loopId)!;
    }

    /// <summary>A loop whose catalog holds action-0… (freezes and rules name only known actions).</summary>
    private async Task<LoopRuntime> LoopWithActionsAsync(LoopSettings? settings = null, int actions = 3)
    {
        var (loopId, _) = await factory.LoopWithActionsAsync(actions, settings);
        return Service<LoopDirectory>().Find(loopId)!;
    }

    private async Task<Decision?> StoredAsync(string loopId, string eventId)
    {
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.LoopId == loopId && d.EventId == eventId);
    }

    private static List<FeedItem> Drain(FeedSubscription feed)
    {
        var items = new List<FeedItem>();
        while (feed.Reader.TryRead(out var item)) items.Add(item);
        return items;
    }

    private async Task FreezeAsync(string loopId, string actionId)
    {
        var frozen = await Service<FreezeService>().FreezeAsync(loopId, actionId, "Test freeze", null, Olivia, CancellationToken.None);
        Assert.True(frozen.Succeeded, frozen.Message);
    }

    private async Task KillSwitchAsync(string loopId)
    {
        var on = await Service<LoopControlService>().SetKillSwitchAsync(loopId, true, "Test kill switch", Olivia, CancellationToken.None);
        Assert.True(on.Succeeded, on.Message);
    }

    private async Task<long> RuleWithoutFourEyesAsync(string loopId, SegmentDefinition segment, string[] excludedActions)
    {
        var approval = await Service<LoopControlService>().SetRuleApprovalAsync(loopId, false, "Test loop", Olivia, CancellationToken.None);
        Assert.True(approval.Succeeded, approval.Message);
        var created = await Service<RuleService>().CreateAsync(new RuleDraft(loopId, "test segment", segment,
            OverrideKind.ExcludeActions, excludedActions, "Test rule"), Olivia, CancellationToken.None);
        Assert.True(created.Succeeded, created.Message);
        return created.Id!.Value;
    }
}
