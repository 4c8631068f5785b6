using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Learning.Models;

/// <summary>
/// Saves and loads each loop's learner with the sequence number of the last decision it learned from,
/// so a restart resumes exactly where training stopped. Writes go to a temporary file that replaces the
/// old one only when complete, so a crash never leaves a half-written model.
/// </summary>
public sealed class ModelStore(IOptions<StorageOptions> storage)
{
    private const ulong Magic = 0x4C444F4D4C54524F; // "ORTLMODL"
    private const int FormatVersion = 1;

    public sealed record Stored(OnlineLearner Learner, long LastTrainedSeq);

    public Stored? Load(string loopId) => LoadFrom(PathFor(loopId));

    public void Save(string loopId, OnlineLearner learner, long lastTrainedSeq)
    {
        Directory.CreateDirectory(storage.Value.ModelDirectory);
        SaveTo(PathFor(loopId), learner, lastTrainedSeq);
    }

    /// <summary>A model file anywhere (the current model, or a snapshot); null when there is none.</summary>
    internal static Stored? LoadFrom(string path)
    {
        if (!File.Exists(path)) return null;
        using var file = File.OpenRead(path);
        using var reader = new BinaryReader(file);
        if (reader.ReadUInt64() != Magic) throw new InvalidDataException($"{path} is not a Portal model file.");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"{path} has model file format {version}; this Portal reads {FormatVersion}.");
        var lastSeq = reader.ReadInt64();
        return new Stored(OnlineLearner.Load(file), lastSeq);
    }

    internal static void SaveTo(string path, OnlineLearner learner, long lastTrainedSeq)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using (var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(lastTrainedSeq);
            }
            learner.Save(file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private string PathFor(string loopId) => Path.Combine(storage.Value.ModelDirectory, loopId + ".model");
}
