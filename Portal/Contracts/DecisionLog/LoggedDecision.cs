using System.Text.Json;
using Portal.Data.Entities;

namespace Portal.Contracts.DecisionLog;

/// <summary>A logged decision with its request read back: what segment previews and rule previews test.</summary>
public sealed record LoggedDecision(
    long Seq,
    string LoopId,
    string EventId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<JsonElement> Context,
    IReadOnlyList<string> CandidateIds,
    IReadOnlyList<string> ExcludedIds,
    string ChosenActionId,
    string BaselineActionId,
    OversightEffects Oversight);
