using System.Text.Json;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Decisions.Feed;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Features.Oversight;

namespace Portal.Features.Decisions;

/// <summary>
/// One Rank: features → oversight (frozen actions, kill switches, rules) → the loop's mode → the current model's
/// distribution → a sampled choice with its explanation → logged and committed → announced → the response.
/// The request has been validated already.
/// </summary>
public sealed class RankService(DecisionLogWriter log, ActionCatalogTracker catalog, ControlState control, DecisionFeed feed, TimeProvider clock)
{
    public const int ExplanationSize = 5;

    public async Task<RankResult> RankAsync(LoopRuntime loop, RankRequest request, string requestJson, CancellationToken ct)
    {
        var actions = request.Actions!;
        var contextFeatures = request.ContextFeatures ?? [];
        var eventId = request.EventId ?? Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var model = loop.Model.Current;
        var (context, actionFeatures) = RequestFeatures.Of(request, loop.AuditOnlyFeatures);

        var excluded = ExcludedMask(actions, request.ExcludedActions);
        var baseline = BaselineIndex(excluded);
        var snapshot = control.Current;
        var verdict = OversightEnforcer.Apply(snapshot, snapshot.For(loop.Id), now, contextFeatures, actions, excluded);

        var probabilities = new double[actions.Count];
        var outcome = verdict.Serves ? Serve(verdict.ServeIndex, probabilities)
            : loop.Settings.LearningMode == LearningMode.Online
                ? model.Rank(context, actionFeatures, excluded, EventSeed.FromEventId(eventId), probabilities, loop.Settings.ExplorationPercentage)
                : Serve(BaselineIndex(excluded), probabilities);
        var chosen = outcome.ChosenIndex;

        var explanation = new FeatureContribution[ExplanationSize];
        var explained = model.Explain(context, actionFeatures[chosen], explanation);
        var ranking = Ranking(actions, probabilities, chosen);

        catalog.Observe(loop.Id, actions);
        var record = new DecisionRecord(
            loop.Id, eventId, now, requestJson,
            ChosenActionId: actions[chosen].Id!,
            ChosenProbability: probabilities[chosen],
            BaselineActionId: actions[baseline].Id!,
            outcome.Explored, model.Version, loop.Settings.LearningMode,
            JsonSerializer.Serialize(ranking, PersonalizerJsonContext.Default.IReadOnlyListRankedAction),
            JsonSerializer.Serialize(explanation[..explained], PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution),
            request.DeferActivation, verdict.Effects, verdict.RuleId, verdict.Detail);

        if (await log.AppendAsync(record, ct) == LogWriteResult.DuplicateEvent) return RankResult.Duplicate;
        if (feed.HasSubscribers) feed.Publish(Announcement(record, actions.Count, contextFeatures));
        var inference = loop.Settings.IsInferenceExplainabilityEnabled
            ? InferenceExplainer.Explain(model, context, actionFeatures, actions, ranking, excluded)
            : null;
        return new RankResult(new RankResponse(ranking, eventId, actions[chosen].Id!, outcome.Explored,
            model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), inference));
    }

    /// <summary>The baseline is the first action not excluded.</summary>
    public static int BaselineIndex(ReadOnlySpan<bool> excluded)
    {
        var index = excluded.IndexOf(false);
        return index >= 0 ? index : throw new InvalidOperationException("Every action is excluded; the validator should have refused the request.");
    }

    /// <summary>Serves one action for sure: oversight's choice, or the baseline of a loop that does not explore.</summary>
    private static RankOutcome Serve(int index, Span<double> probabilities)
    {
        probabilities.Clear();
        probabilities[index] = 1;
        return new RankOutcome(index, Explored: false);
    }

    private static DecidedItem Announcement(DecisionRecord d, int candidates, IReadOnlyList<JsonElement> context) => new(
        d.LoopId, d.EventId, d.CreatedAt, d.ChosenActionId, d.ChosenProbability, d.BaselineActionId, d.Explored, d.ModelVersion,
        d.Mode, d.Oversight, d.RuleId, d.OversightDetail, candidates, context);

    private static bool[] ExcludedMask(IReadOnlyList<RankableAction> actions, IReadOnlyList<string>? excludedIds)
    {
        var mask = new bool[actions.Count];
        if (excludedIds is not { Count: > 0 }) return mask;
        for (var i = 0; i < actions.Count; i++) mask[i] = excludedIds.Contains(actions[i].Id!);
        return mask;
    }

    /// <summary>Personalizer's order: the chosen action first, then the others by probability.</summary>
    private static RankedAction[] Ranking(IReadOnlyList<RankableAction> actions, double[] probabilities, int chosen)
    {
        var order = new int[actions.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => a == b ? 0 : a == chosen ? -1 : b == chosen ? 1
            : probabilities[b] != probabilities[a] ? probabilities[b].CompareTo(probabilities[a]) : a.CompareTo(b));
        var ranking = new RankedAction[order.Length];
        for (var i = 0; i < order.Length; i++) ranking[i] = new RankedAction(actions[order[i]].Id!, probabilities[order[i]]);
        return ranking;
    }
}
