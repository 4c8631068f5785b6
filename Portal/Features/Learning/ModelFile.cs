using System.Text;

namespace Portal.Features.Learning;

/// <summary>
/// Binary, versioned learner file: magic "PORTALBM", format version, policy arguments, counters, regression
/// statistics, then the non-zero weight cells (sparse), and an end marker so a truncated file is detected.
/// Little-endian throughout (BinaryWriter), so files move between machines.
/// </summary>
internal static class ModelFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "PORTALBM"u8.ToArray();
    private const uint EndMarker = 0x21444E45; // "END!"

    public static void Write(OnlineLearner learner, Stream destination)
    {
        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        var s = learner.State;
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(learner.Policy.Arguments);
        writer.Write(learner.ExamplesLearned);
        writer.Write(learner.Version);
        writer.Write(learner.EventSum);
        writer.Write(learner.ActionSum);
        writer.Write(s.Bits);
        writer.Write(s.NormalizedSumNormX);
        writer.Write(s.TotalWeight);
        writer.Write(s.MinLabel);
        writer.Write(s.MaxLabel);
        writer.Write(s.Gravity);
        writer.Write(s.Contraction);
        writer.Write(s.T);
        WriteCells(writer, s.Cells);
        writer.Write(EndMarker);
    }

    public static OnlineLearner Read(Stream source)
    {
        using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
        try
        {
            return ReadBody(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The learner file is truncated.", e);
        }
    }

    private static OnlineLearner ReadBody(BinaryReader reader)
    {
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException("Not a Portal learner file (wrong magic).");
        var version = reader.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"Unsupported learner file format version {version} (this build reads {FormatVersion}).");
        var arguments = reader.ReadString();
        if (!PolicyParser.TryParse(arguments, out var policy, out var error))
            throw new InvalidDataException($"The learner file holds an invalid policy: {error}");
        var learner = new OnlineLearner(policy);
        var examples = reader.ReadInt64();
        learner.Restore(examples, reader.ReadInt64());
        learner.EventSum = reader.ReadDouble();
        learner.ActionSum = reader.ReadDouble();
        learner.ReplaceState(ReadState(reader, policy));
        if (reader.ReadUInt32() != EndMarker) throw new InvalidDataException("The learner file is corrupt (no end marker).");
        return learner;
    }

    private static GradientState ReadState(BinaryReader reader, LearnerPolicy policy)
    {
        var bits = reader.ReadInt32();
        if (bits != policy.Bits) throw new InvalidDataException($"The learner file has {bits} bits but its policy says {policy.Bits}.");
        var state = new GradientState(bits, 0, adaptive: false)
        {
            NormalizedSumNormX = reader.ReadDouble(),
            TotalWeight = reader.ReadDouble(),
            MinLabel = reader.ReadSingle(),
            MaxLabel = reader.ReadSingle(),
            Gravity = reader.ReadDouble(),
            Contraction = reader.ReadDouble(),
            T = reader.ReadDouble(),
        };
        ReadCells(reader, state.Cells);
        return state;
    }

    private static void WriteCells(BinaryWriter writer, float[] cells)
    {
        var stride = GradientState.Stride;
        var used = 0;
        for (var i = 0; i < cells.Length; i += stride)
            if (cells[i] != 0 || cells[i + 1] != 0 || cells[i + 2] != 0) used++;
        writer.Write(used);
        for (var i = 0; i < cells.Length; i += stride)
        {
            if (cells[i] == 0 && cells[i + 1] == 0 && cells[i + 2] == 0) continue;
            writer.Write(i / stride);
            for (var k = 0; k < stride; k++) writer.Write(cells[i + k]);
        }
    }

    private static void ReadCells(BinaryReader reader, float[] cells)
    {
        var stride = GradientState.Stride;
        var used = reader.ReadInt32();
        if (used < 0 || used > cells.Length / stride) throw new InvalidDataException("The learner file is corrupt (cell count).");
        for (var n = 0; n < used; n++)
        {
            var index = reader.ReadInt32();
            if (index < 0 || index >= cells.Length / stride) throw new InvalidDataException("The learner file is corrupt (cell index).");
            for (var k = 0; k < stride; k++) cells[index * stride + k] = reader.ReadSingle();
        }
    }
}
