using System.Text.Json;
using Portal.Contracts;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// Reads a logged explanation, <c>[{"feature":"…","contribution":n},…]</c> as Rank writes it (RankLogEntry), with a
/// reader over its UTF-8 bytes: every settled decision passes here, and the serializer's path for a record with a
/// constructor cost the aggregator a sixth of its time. Any other shape goes to the serializer, so the terms are the
/// serializer's in every case. One reader per aggregated loop (not thread-safe: it reuses its list).
/// </summary>
public sealed class ExplanationTerms
{
    private readonly List<FeatureContribution> terms = [];

    /// <summary>The terms of an explanation's UTF-8 text as stored; valid until the next call.</summary>
    public IReadOnlyList<FeatureContribution> Read(ReadOnlySpan<byte> json)
    {
        if (TryRead(json, terms)) return terms;
        try
        {
            return JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The terms of an explanation in Rank's shape; false (terms incomplete) for anything else.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, List<FeatureContribution> terms)
    {
        terms.Clear();
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray) return !reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject || !TryReadTerm(ref reader, out var term)) return false;
                terms.Add(term);
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadTerm(ref Utf8JsonReader reader, out FeatureContribution term)
    {
        term = default;
        string? feature = null;
        double? contribution = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("feature"u8) && feature is null)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
                feature = reader.GetString();
            }
            else if (reader.ValueTextEquals("contribution"u8) && contribution is null)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value)) return false;
                contribution = value;
            }
            else return false;
        }
        if (reader.TokenType != JsonTokenType.EndObject || feature is null || contribution is null) return false;
        term = new FeatureContribution(feature, contribution.Value);
        return true;
    }
}
