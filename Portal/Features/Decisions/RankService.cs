using System.Text.Json;
using Portal.Contracts;
using Portal.Contracts.DecisionLog;
using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Decisions.Feed;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Features.Privacy;

namespace Portal.Features.Decisions;

/// <summary>
/// One Rank: opt-out → features → oversight (frozen actions, kill switches, rules) → the loop's mode → the current
/// model's distribution → a sampled choice with its explanation → logged and committed → announced → the response.
/// The request has been validated already.
/// </summary>
public sealed class RankService(DecisionLogWriter log, ActionCatalogTracker catalog, ControlState control, DecisionFeed feed,
    OptOutCheck optOuts, TimeProvider clock)
{
    public const int ExplanationSize = 5;

    /// <summary>What an opted-out decision keeps of its request: nothing (only the event, the action served and the time).</summary>
    public const string OptedOutRequestJson = "{}";

    /// <param name="globalPrivacyControl">The call carried the browser's Global Privacy Control signal (<c>Sec-GPC: 1</c>).</param>
    /// <param name="requestJson">The request as received (a body's bytes must stay unchanged until this returns).</param>
    /// <param name="hashed">Its features as the body reader hashed them (the loop's audit-only features left out), or null to hash them here.</param>
    /// <param name="actionsJson">Where the actions list lies in <paramref name="requestJson"/>'s bytes, as the body reader found it; null to find it here.</param>
    /// <param name="answer">The HTTP answer, written before the commit (see <see cref="RankAnswer"/>); null when nobody waits for one.</param>
    public Task<RankResult> RankAsync(LoopRuntime loop, RankRequest request, LoggedText requestJson, bool globalPrivacyControl,
        RequestFeatures? hashed, Range? actionsJson, CancellationToken ct, RankAnswer? answer = null)
    {
        var eventId = request.EventId ?? Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var optOut = optOuts.Of(loop, request.ContextFeatures ?? [], globalPrivacyControl);
        return optOut != OptOutReason.None
            ? RankNotProfiledAsync(loop, request, eventId, now, optOut, answer, ct)
            : RankProfiledAsync(loop, request, requestJson, hashed, actionsJson, eventId, now, answer, ct);
    }

    private async Task<RankResult> RankProfiledAsync(LoopRuntime loop, RankRequest request, LoggedText requestJson, RequestFeatures? hashed,
        Range? actionsJson, string eventId, DateTimeOffset now, RankAnswer? answer, CancellationToken ct)
    {
        // Pooled for this one Rank: the feature sets' display labels (unless the body reader hashed them into its own), and
        // the log entry's texts, which the log writer reads until the commit. Both are returned when the Rank ends;
        // nothing built on them is read afterwards.
        var labels = hashed is null ? FeatureLabelArena.Rent() : null;
        var entry = RankLogEntry.Rent();
        try
        {
            var actions = request.Actions!;
            var contextFeatures = request.ContextFeatures ?? [];
            var model = loop.Model.Current;
            var (context, actionFeatures) = hashed ?? RequestFeatures.Of(request, loop.AuditOnlyFeatures, labels);

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
            entry.WriteJson(ranking, explanation.AsSpan(0, explained));
            var record = new DecisionRecord(
                loop.Id, eventId, now, requestJson,
                ChosenActionId: actions[chosen].Id!,
                ChosenProbability: probabilities[chosen],
                BaselineActionId: actions[baseline].Id!,
                outcome.Explored, model.Version, loop.Settings.LearningMode,
                new LoggedText(entry.RankingJson), new LoggedText(entry.ExplanationJson),
                request.DeferActivation, verdict.Effects, verdict.RuleId, verdict.Detail,
                // The trainer learns from these hashes instead of parsing the request again (a logging-only loop never learns).
                loop.Settings.LearningMode == LearningMode.LoggingOnly ? null
                    : entry.WriteFeatures(context, actionFeatures, chosen, LearnerFeatureRecord.Fingerprint(loop.AuditOnlyFeatures)),
                // The log stores a list sent before apart from the row (see ActionListStore).
                actionsJson ?? (requestJson.IsUtf8 ? LoggedRequest.ActionsValue(requestJson.Utf8.Span) : null));

            var inference = loop.Settings.IsInferenceExplainabilityEnabled
                ? InferenceExplainer.Explain(model, context, actionFeatures, actions, ranking, excluded)
                : null;
            // Personalized: the model chose for this context, or a rule did for its segment; not a kill switch or baseline.
            var personalized = verdict.Serves ? (verdict.Effects & OversightEffects.RuleApplied) != 0 : loop.Settings.LearningMode == LearningMode.Online;
            var response = new RankResponse(ranking, eventId, actions[chosen].Id!, outcome.Explored,
                model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), inference, Personalized: personalized);
            answer?.Prepare(response);

            if (await log.AppendForAnswerAsync(record, ct) == LogWriteResult.DuplicateEvent) return RankResult.Duplicate;
            if (feed.HasSubscribers) feed.Publish(Announcement(record, actions.Count, contextFeatures));
            return new RankResult(response);
        }
        finally
        {
            RankLogEntry.Return(entry);
            if (labels is not null) FeatureLabelArena.Return(labels);
        }
    }

    /// <summary>
    /// An opted-out user: the model does not run and no rule reads their context; frozen actions and kill switches
    /// still hold. The loop's not-profiled action is served when it is a candidate, else the baseline. The log keeps
    /// no context, the decision is never learned from, and the answer says <c>personalized: false</c>.
    /// </summary>
    private async Task<RankResult> RankNotProfiledAsync(LoopRuntime loop, RankRequest request, string eventId, DateTimeOffset now,
        OptOutReason reason, RankAnswer? answer, CancellationToken ct)
    {
        var actions = request.Actions!;
        var excluded = ExcludedMask(actions, request.ExcludedActions);
        var baseline = BaselineIndex(excluded);
        var snapshot = control.Current;
        var verdict = OversightEnforcer.Apply(snapshot, snapshot.For(loop.Id), now, [], actions, excluded);
        var chosen = verdict.Serves ? verdict.ServeIndex : NotProfiledIndex(loop.Settings.NotProfiledActionId, actions, excluded);
        var probabilities = new double[actions.Count];
        Serve(chosen, probabilities);
        var ranking = Ranking(actions, probabilities, chosen);
        var detail = verdict.Detail is null ? OptOutDetail(reason) : OptOutDetail(reason) + "; " + verdict.Detail;

        catalog.Observe(loop.Id, actions);
        // The ranking is logged as the profiled path logs it (same writer, same text); its buffer lives until the commit.
        var entry = RankLogEntry.Rent();
        try
        {
            entry.WriteJson(ranking, []);
            var record = new DecisionRecord(
                loop.Id, eventId, now, OptedOutRequestJson,
                ChosenActionId: actions[chosen].Id!,
                ChosenProbability: 1,
                BaselineActionId: actions[baseline].Id!,
                Explored: false, loop.Model.Current.Version, loop.Settings.LearningMode,
                new LoggedText(entry.RankingJson), new LoggedText(entry.ExplanationJson),
                request.DeferActivation, verdict.Effects | OversightEffects.OptedOut, RuleId: null, detail);

            var response = new RankResponse(ranking, eventId, actions[chosen].Id!, Explored: false,
                record.ModelVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Personalized: false);
            answer?.Prepare(response);

            if (await log.AppendForAnswerAsync(record, ct) == LogWriteResult.DuplicateEvent) return RankResult.Duplicate;
            if (feed.HasSubscribers) feed.Publish(Announcement(record, actions.Count, []));
            return new RankResult(response);
        }
        finally
        {
            RankLogEntry.Return(entry);
        }
    }

    /// <summary>The loop's choice for everyone (a popular item) when it is still a candidate, else the first remaining.</summary>
    private static int NotProfiledIndex(string? actionId, IReadOnlyList<RankableAction> actions, ReadOnlySpan<bool> excluded)
    {
        if (actionId is not null)
        {
            for (var i = 0; i < actions.Count; i++)
            {
                if (!excluded[i] && actions[i].Id == actionId) return i;
            }
        }
        return BaselineIndex(excluded);
    }

    private static string OptOutDetail(OptOutReason reason) => reason switch
    {
        OptOutReason.GlobalPrivacyControl => "opted out: Global Privacy Control",
        OptOutReason.ContextFlag => "opted out: marked by the application",
        _ => "opted out: the user's choice",
    };

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

    /// <summary>What open pages are told; the context is copied, as the request's elements are released after the call.</summary>
    private static DecidedItem Announcement(DecisionRecord d, int candidates, IReadOnlyList<JsonElement> context) => new(
        d.LoopId, d.EventId, d.CreatedAt, d.ChosenActionId, d.ChosenProbability, d.BaselineActionId, d.Explored, d.ModelVersion,
        d.Mode, d.Oversight, d.RuleId, d.OversightDetail, candidates, Copy(context));

    private static JsonElement[] Copy(IReadOnlyList<JsonElement> context)
    {
        var copy = new JsonElement[context.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = context[i].Clone();
        return copy;
    }

    private static bool[] ExcludedMask(IReadOnlyList<RankableAction> actions, IReadOnlyList<string>? excludedIds)
    {
        var mask = new bool[actions.Count];
        if (excludedIds is not { Count: > 0 }) return mask;
        for (var i = 0; i < actions.Count; i++)
        {
            for (var j = 0; j < excludedIds.Count && !mask[i]; j++) mask[i] = string.Equals(excludedIds[j], actions[i].Id, StringComparison.Ordinal);
        }
        return mask;
    }

    /// <summary>Personalizer's order: the chosen action first, then the others by probability (ties: request order).</summary>
    private static RankedAction[] Ranking(IReadOnlyList<RankableAction> actions, double[] probabilities, int chosen)
    {
        // An insertion sort on at most 50 actions: no comparison delegate or closure per call.
        Span<int> order = stackalloc int[actions.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            for (; j > 0 && RanksBefore(i, order[j - 1], probabilities, chosen); j--) order[j] = order[j - 1];
            order[j] = i;
        }
        var ranking = new RankedAction[order.Length];
        for (var i = 0; i < order.Length; i++) ranking[i] = new RankedAction(actions[order[i]].Id!, probabilities[order[i]]);
        return ranking;
    }

    private static bool RanksBefore(int a, int b, double[] probabilities, int chosen) =>
        a != b && (a == chosen || (b != chosen && (probabilities[a] != probabilities[b] ? probabilities[a] > probabilities[b] : a < b)));
}
