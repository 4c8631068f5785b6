using System.Buffers;
using System.Text;
using System.Text.Json;
using Portal.Data.Entities;
using Portal.Features.Decisions.LogExport;

namespace Portal.Tests.Features.Decisions.LogExport;

/// <summary>Logged decisions built as Rank logs them, and the export's lines of them.</summary>
public static class LogExportSamples
{
    public static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, 891, TimeSpan.Zero);

    public const string Request = """
        {"contextFeatures":[{"_userId":"jane-17","user":{"ageBand":"65+","tier":"gold"},"country":"DE"},{"device":{"kind":"mobile"},"_text":"late night"}],
         "actions":[{"id":"news","features":[{"article":{"topic":"politics","length":3}}]},
                    {"id":"sports","features":[{"article":{"topic":"sports"}}]},
                    {"id":"weather, \"today\""}],
         "excludedActions":[]}
        """;

    public static LoggedEvent Event(string chosen = "sports", double probability = 0.7000000000000001, double? reward = 0.30000000000000004,
        string ranking = """[{"id":"sports","probability":0.7000000000000001},{"id":"news","probability":0.19999999999999998},{"id":"weather, \"today\"","probability":0.1}]""",
        string request = Request, OversightEffects oversight = OversightEffects.None, LearningMode mode = LearningMode.Online, bool flagged = false) =>
        new(flagged ? 2 : 1, "event-1", At, Encoding.UTF8.GetBytes(request), chosen, probability, "news", Explored: false, ModelVersion: 7, mode,
            Encoding.UTF8.GetBytes(ranking), oversight, DeferActivation: false, ActivatedAt: null, reward, RewardCount: reward is null ? 0 : 1);

    /// <summary>The decision with key 2 is flagged (see <see cref="Event"/>'s flagged).</summary>
    public static LoopExportRules Rules(params string[] auditOnly) =>
        new("loop-a", auditOnly.ToHashSet(StringComparer.Ordinal), DefaultReward: -0.25, [], new HashSet<long> { 2 });

    public static string Line(LoggedEvent logged, LoopExportRules rules)
    {
        var decision = ExportedDecision.Read(logged, rules) ?? throw new InvalidOperationException("unreadable");
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, DsjsonLine.Writing)) DsjsonLine.Write(json, decision, rules);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
