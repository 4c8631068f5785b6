using System.Text.Json.Serialization;
using Portal.Contracts;

namespace Portal.Contracts.Personalizer;

/// <summary>Source-generated JSON for the Decision API: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(RankRequest))]
[JsonSerializable(typeof(RankResponse))]
[JsonSerializable(typeof(RewardRequest))]
[JsonSerializable(typeof(LogsProperties))]
[JsonSerializable(typeof(IReadOnlyList<RankedAction>))]
[JsonSerializable(typeof(IReadOnlyList<FeatureContribution>))]
[JsonSerializable(typeof(IReadOnlyList<ActionExplanation>))]
public sealed partial class PersonalizerJsonContext : JsonSerializerContext;
