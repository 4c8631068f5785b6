using System.Collections.Frozen;
using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Oversight;
using Portal.Features.Segments;

namespace Portal.Tests.Features.Oversight;

public sealed class OversightEnforcerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly RankableAction[] Actions = [new("a", null), new("b", null), new("c", null)];
    private static readonly IReadOnlyList<JsonElement> Senior = Context("""{"user":{"ageBand":"65+"}}""");
    private static readonly IReadOnlyList<JsonElement> Young = Context("""{"user":{"ageBand":"18-24"}}""");

    [Fact]
    public void With_nothing_to_enforce_the_model_decides_and_the_candidates_are_untouched()
    {
        var excluded = new bool[3];

        var verdict = Apply(LoopOversight.None, Senior, excluded);

        Assert.Equal(OversightVerdict.ModelDecides, verdict);
        Assert.Equal(new bool[3], excluded);
    }

    [Fact]
    public void A_frozen_action_leaves_the_candidates_and_the_decision_says_so()
    {
        var excluded = new bool[3];

        var verdict = Apply(Loop(frozen: [Freeze("b")]), Senior, excluded);

        Assert.False(verdict.Serves);
        Assert.Equal(OversightEffects.FrozenRemoved, verdict.Effects);
        Assert.Equal([false, true, false], excluded);
        Assert.Equal("frozen removed: b", verdict.Detail);
    }

    [Fact]
    public void When_every_candidate_is_frozen_or_excluded_the_callers_baseline_is_served_and_marked()
    {
        var excluded = new[] { true, false, false };

        var verdict = Apply(Loop(frozen: [Freeze("b"), Freeze("c")]), Senior, excluded);

        Assert.Equal(1, verdict.ServeIndex);
        Assert.Equal(OversightEffects.FrozenRemoved | OversightEffects.AllFrozenBaseline, verdict.Effects);
        Assert.Contains("frozen removed: b, c", verdict.Detail);
    }

    [Fact]
    public void An_expired_freeze_no_longer_removes_its_action()
    {
        var excluded = new bool[3];

        var verdict = Apply(Loop(frozen: [Freeze("b", expires: Now.AddSeconds(-1))]), Senior, excluded);

        Assert.Equal(OversightVerdict.ModelDecides, verdict);
    }

    [Fact]
    public void A_kill_switch_serves_the_first_candidate_that_is_not_frozen()
    {
        var verdict = Apply(Loop(killSwitch: true, frozen: [Freeze("a")]), Senior, new bool[3]);

        Assert.Equal(1, verdict.ServeIndex);
        Assert.True(verdict.Effects.HasFlag(OversightEffects.KillSwitch));
    }

    [Fact]
    public void The_global_kill_switch_stops_a_loop_that_has_no_controls_of_its_own()
    {
        var snapshot = OversightSnapshot.Empty with { GlobalKillSwitch = true };

        var verdict = OversightEnforcer.Apply(snapshot, LoopOversight.None, Now, Senior, Actions, new bool[3]);

        Assert.Equal(0, verdict.ServeIndex);
        Assert.Equal(OversightEffects.KillSwitch, verdict.Effects);
    }

    [Fact]
    public void A_rule_forces_its_action_only_inside_its_segment()
    {
        var loop = Loop(rules: [Rule(1, OverrideKind.ForceAction, ["c"])]);

        var inside = Apply(loop, Senior, new bool[3]);
        var outside = Apply(loop, Young, new bool[3]);

        Assert.Equal(2, inside.ServeIndex);
        Assert.Equal(OversightEffects.RuleApplied, inside.Effects);
        Assert.Equal(1, inside.RuleId);
        Assert.Equal(OversightVerdict.ModelDecides, outside);
    }

    [Fact]
    public void Where_rules_overlap_the_first_in_priority_order_acts()
    {
        var loop = Loop(rules: [Rule(7, OverrideKind.ForceAction, ["b"]), Rule(3, OverrideKind.ForceAction, ["c"])]);

        var verdict = Apply(loop, Senior, new bool[3]);

        Assert.Equal(1, verdict.ServeIndex);
        Assert.Equal(7, verdict.RuleId);
    }

    [Fact]
    public void A_rule_cannot_force_an_action_that_is_frozen_and_the_next_rule_acts()
    {
        var loop = Loop(frozen: [Freeze("c")], rules: [Rule(1, OverrideKind.ForceAction, ["c"]), Rule(2, OverrideKind.ServeBaseline, [])]);

        var verdict = Apply(loop, Senior, new[] { true, false, false });

        Assert.Equal(1, verdict.ServeIndex);
        Assert.Equal(2, verdict.RuleId);
        Assert.Equal(OversightEffects.FrozenRemoved | OversightEffects.RuleApplied, verdict.Effects);
    }

    [Fact]
    public void An_exclusion_rule_takes_its_actions_out_and_lets_the_model_choose_among_the_rest()
    {
        var excluded = new bool[3];

        var verdict = Apply(Loop(rules: [Rule(4, OverrideKind.ExcludeActions, ["a", "zzz"])]), Senior, excluded);

        Assert.False(verdict.Serves);
        Assert.Equal(OversightEffects.RuleApplied, verdict.Effects);
        Assert.Equal([true, false, false], excluded);
    }

    [Fact]
    public void A_rule_before_its_start_or_after_its_expiry_does_nothing()
    {
        var later = Rule(1, OverrideKind.ServeBaseline, []) with { StartsAt = Now.AddMinutes(1) };
        var ended = Rule(2, OverrideKind.ServeBaseline, []) with { ExpiresAt = Now };

        Assert.Equal(OversightVerdict.ModelDecides, Apply(Loop(rules: [later, ended]), Senior, new bool[3]));
    }

    [Fact]
    public void A_frozen_model_lets_the_model_decide_but_marks_the_decision()
    {
        var verdict = Apply(Loop(modelFrozen: true), Senior, new bool[3]);

        Assert.False(verdict.Serves);
        Assert.Equal(OversightEffects.ModelFrozen, verdict.Effects);
    }

    [Fact]
    public void A_loop_awaiting_its_go_live_review_serves_the_first_remaining_candidate_where_the_model_would_choose()
    {
        var excluded = new[] { true, false, false };

        var verdict = Apply(Loop(frozen: [Freeze("b")], awaitingGoLive: true), Senior, excluded);

        Assert.Equal(2, verdict.ServeIndex);
        Assert.Equal(OversightEffects.FrozenRemoved | OversightEffects.AwaitingGoLive, verdict.Effects);
        Assert.Equal("frozen removed: b; awaiting go-live review: baseline served", verdict.Detail);
        Assert.Equal(OversightEffects.None, verdict.Effects & OversightEffects.NotLearnable);
    }

    [Fact]
    public void A_loop_the_snapshot_does_not_know_awaits_its_go_live_review()
    {
        var verdict = OversightEnforcer.Apply(OversightSnapshot.Empty, OversightSnapshot.Empty.For("created-a-moment-ago"), Now, Senior, Actions, new bool[3]);

        Assert.Equal((0, OversightEffects.AwaitingGoLive), (verdict.ServeIndex, verdict.Effects));
    }

    [Fact]
    public void Kill_switches_and_rules_that_choose_act_before_the_go_live_gate_and_an_excluding_rule_leaves_the_rest_to_it()
    {
        var killed = Apply(Loop(killSwitch: true, awaitingGoLive: true), Senior, new bool[3]);
        var forced = Apply(Loop(rules: [Rule(1, OverrideKind.ForceAction, ["c"])], awaitingGoLive: true), Senior, new bool[3]);
        var excluding = Apply(Loop(rules: [Rule(2, OverrideKind.ExcludeActions, ["a"])], awaitingGoLive: true), Senior, new bool[3]);

        Assert.Equal((0, OversightEffects.KillSwitch), (killed.ServeIndex, killed.Effects));
        Assert.Equal((2, OversightEffects.RuleApplied), (forced.ServeIndex, forced.Effects));
        Assert.Equal((1, OversightEffects.RuleApplied | OversightEffects.AwaitingGoLive, (long?)2), (excluding.ServeIndex, excluding.Effects, excluding.RuleId));
    }

    private static OversightVerdict Apply(LoopOversight loop, IReadOnlyList<JsonElement> context, bool[] excluded) =>
        OversightEnforcer.Apply(OversightSnapshot.Empty, loop, Now, context, Actions, excluded);

    private static LoopOversight Loop(bool killSwitch = false, bool modelFrozen = false, ActiveFreeze[]? frozen = null, ActiveRule[]? rules = null,
        bool awaitingGoLive = false) =>
        new(killSwitch, killSwitch ? "test" : null, modelFrozen, true,
            (frozen ?? []).ToFrozenDictionary(f => f.ActionId), rules ?? [], awaitingGoLive);

    private static ActiveFreeze Freeze(string action, DateTimeOffset? expires = null) =>
        new(1, action, "test", "tester", Now.AddHours(-1), expires);

    private static ActiveRule Rule(long id, OverrideKind kind, string[] actions) =>
        new(id, kind, actions, SegmentPredicate.Compile(SegmentDefinition.Is("user.ageBand", "65+")), "seniors", 0, Now.AddHours(-1), null);

    private static IReadOnlyList<JsonElement> Context(string json) => [JsonDocument.Parse(json).RootElement.Clone()];
}
