using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Features.Learning;

namespace Portal.Features.Decisions;

/// <summary>
/// What one Rank writes to the log beside its request, written as UTF-8 into buffers reused from Rank to Rank: the
/// ranking and explanation JSON (the same text the serializer wrote: same names, escaping and number format) and the
/// hashed features for the trainer. Rented for one Rank and returned once its decision is committed, never earlier:
/// the log writer reads the buffers until then.
/// </summary>
internal sealed class RankLogEntry : IResettable
{
    private const int MaxKeptBytes = 64 * 1024;

    // As many as Ranks wait for their commit at once (the connections in flight), not the framework's default of 2 per core.
    private static readonly ObjectPool<RankLogEntry> Pool = new DefaultObjectPool<RankLogEntry>(new DefaultPooledObjectPolicy<RankLogEntry>(), 1024);

    private readonly ArrayBufferWriter<byte> buffer = new(2048);
    private readonly Utf8JsonWriter json;
    private byte[] features = new byte[1024];

    public RankLogEntry() => json = new Utf8JsonWriter(buffer);

    public static RankLogEntry Rent() => Pool.Get();

    public static void Return(RankLogEntry entry) => Pool.Return(entry);

    /// <summary>The pool keeps an entry unless a very large Rank grew its buffers.</summary>
    public bool TryReset() => buffer.Capacity <= MaxKeptBytes && features.Length <= MaxKeptBytes;

    public ReadOnlyMemory<byte> RankingJson { get; private set; }

    public ReadOnlyMemory<byte> ExplanationJson { get; private set; }

    /// <summary>Writes both JSON texts; they stay valid until the next call or the entry's return.</summary>
    public void WriteJson(RankedAction[] ranking, ReadOnlySpan<FeatureContribution> explanation)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartArray();
        foreach (var action in ranking) WriteObject("id"u8, action.Id, "probability"u8, action.Probability);
        json.WriteEndArray();
        json.Flush();
        var rankingLength = buffer.WrittenCount;
        json.Reset(buffer);
        json.WriteStartArray();
        foreach (var term in explanation) WriteObject("feature"u8, term.Feature, "contribution"u8, term.Contribution);
        json.WriteEndArray();
        json.Flush();
        // Sliced only now: the buffer may have moved while it grew.
        RankingJson = buffer.WrittenMemory[..rankingLength];
        ExplanationJson = buffer.WrittenMemory[rankingLength..];
    }

    /// <summary>One element of either list: a text and a number, named as the serializer names them (camel case).</summary>
    private void WriteObject(ReadOnlySpan<byte> textName, string text, ReadOnlySpan<byte> numberName, double number)
    {
        json.WriteStartObject();
        json.WriteString(textName, text);
        json.WriteNumber(numberName, number);
        json.WriteEndObject();
    }

    /// <summary>The hashed features record (<see cref="LearnerFeatureRecord"/>), valid until the next call or the entry's return.</summary>
    public ReadOnlyMemory<byte> WriteFeatures(FeatureSet context, FeatureSet[] actions, int chosen, uint fingerprint)
    {
        var size = LearnerFeatureRecord.Size(context, actions);
        if (features.Length < size) features = new byte[Math.Max(size, features.Length * 2)];
        LearnerFeatureRecord.Write(features.AsSpan(0, size), context, actions, chosen, fingerprint);
        return features.AsMemory(0, size);
    }
}
