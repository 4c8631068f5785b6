namespace Portal.Data.Entities;

/// <summary>
/// One Rank call as logged: written by the decision log writer (raw SQL, see DecisionLogWriter),
/// read by the trainer and the portal.
/// </summary>
public sealed class Decision
{
    /// <summary>Commit order; the trainer's high-water mark. AUTOINCREMENT: never reused, even after deletes.</summary>
    public long Seq { get; set; }

    public required string LoopId { get; set; }
    public required string EventId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>contextFeatures, actions and excludedActions as received, but see <see cref="ActionListId"/>: what the trainer replays.</summary>
    public required string RequestJson { get; set; }

    /// <summary>
    /// The actions list stored apart for this request, when it was (a list sent before, see <see cref="ActionList"/>):
    /// <see cref="RequestJson"/> then holds <c>"actions":[]</c> in its place. Null: the request is whole in the row.
    /// No foreign key or index: the log writer alone sets it, to a list written in the same or an earlier commit, and an
    /// index would cost every Rank a second B-tree write.
    /// </summary>
    public long? ActionListId { get; set; }

    /// <summary>
    /// The request's hashed features as Rank scored them, for the trainer (see LearnerFeatureRecord); null for
    /// decisions logged before it existed, opted-out ones and logging-only loops: the trainer then parses RequestJson.
    /// </summary>
    public byte[]? LearnerFeatures { get; set; }

    public required string ChosenActionId { get; set; }
    public double ChosenProbability { get; set; }
    public required string BaselineActionId { get; set; }
    public bool Explored { get; set; }
    public long ModelVersion { get; set; }
    public LearningMode Mode { get; set; }

    /// <summary>Ranking as returned: [{"id","probability"}].</summary>
    public required string RankingJson { get; set; }

    /// <summary>Top feature contributions to the chosen action's score: [{"feature","contribution"}].</summary>
    public required string ExplanationJson { get; set; }

    /// <summary>What oversight changed: frozen actions removed, a rule, a kill switch, a frozen model.</summary>
    public OversightEffects Oversight { get; set; }

    /// <summary>The override rule that decided what was served, if one did.</summary>
    public long? RuleId { get; set; }

    /// <summary>Oversight's details in words, e.g. the frozen actions removed; null when oversight changed nothing.</summary>
    public string? OversightDetail { get; set; }

    public bool DeferActivation { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>Aggregated reward (earliest or sum); null until a reward arrives.</summary>
    public double? Reward { get; set; }
    public int RewardCount { get; set; }

    /// <summary>When the first reward arrived: manipulation detection looks for rewards implausibly fast after Rank.</summary>
    public DateTimeOffset? RewardedAt { get; set; }

    /// <summary>
    /// Who sent the first reward: a keyed hash of the caller's address (see RewardSources), never the address itself, so
    /// bursts from one source can be found without keeping where anyone connects from.
    /// </summary>
    public string? RewardSource { get; set; }
}
