using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Learning.Models;

/// <summary>
/// Once, at the first start of a version that keeps models in the database: the model files of the data folder
/// (<c>models/{loop}.model</c>, <c>models/snapshots/{loop}/{id}.model</c>) are copied into it, where it has none of its own
/// for that loop or snapshot, and the folder is then renamed <c>models.imported</c> (kept, not deleted). Runs after the
/// migrations and before the loops load their models.
/// </summary>
public sealed class ModelFileImport(IOptions<StorageOptions> storage, IDbContextFactory<PortalDbContext> dbFactory, TrainerLease lease,
    TimeProvider clock, ILogger<ModelFileImport> logger) : IHostedService
{
    private const ulong Magic = 0x4C444F4D4C54524F; // "ORTLMODL", the header of the model files
    private const int FormatVersion = 1;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = storage.Value.ModelDirectory;
        if (!Directory.Exists(folder)) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var models = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.model"))
        {
            var loopId = Path.GetFileNameWithoutExtension(path);
            if (await db.StoredModels.AnyAsync(m => m.LoopId == loopId, cancellationToken)) continue;
            var (data, seq, learner) = Read(path);
            db.StoredModels.Add(new StoredModel
            {
                LoopId = loopId, Version = 1, Generation = 0, LastTrainedSeq = seq, ExamplesLearned = learner.ExamplesLearned,
                ModelVersion = learner.Version, SavedAt = clock.GetUtcNow(), SavedBy = lease.NodeId, Data = data,
            });
            models++;
        }
        var snapshots = await ImportSnapshotsAsync(db, Path.Combine(folder, "snapshots"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var kept = ImportedFolder.SetAside(folder, clock);
        logger.LogInformation("Model files moved into the database: {Models} models and {Snapshots} snapshots; the files are kept in {Folder}",
            models, snapshots, kept);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<int> ImportSnapshotsAsync(PortalDbContext db, string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return 0;
        var count = 0;
        foreach (var loopFolder in Directory.EnumerateDirectories(folder))
        {
            var loopId = Path.GetFileName(loopFolder);
            foreach (var path in Directory.EnumerateFiles(loopFolder, "*.model"))
            {
                var id = Path.GetFileNameWithoutExtension(path);
                var parts = id.Split('-');
                if (parts.Length != 3 || !long.TryParse(parts[0], out var at)) continue;
                if (await db.StoredModelSnapshots.AnyAsync(s => s.LoopId == loopId && s.Id == id, ct)) continue;
                var (data, seq, learner) = Read(path);
                db.StoredModelSnapshots.Add(new StoredModelSnapshot
                {
                    LoopId = loopId, Id = id, TakenAt = DateTimeOffset.FromUnixTimeMilliseconds(at), LastTrainedSeq = seq,
                    ExamplesLearned = learner.ExamplesLearned, Data = data,
                });
                count++;
            }
        }
        return count;
    }

    /// <summary>A model file: its header (magic, format, last trained decision), then the learner's own bytes.</summary>
    private static (byte[] Data, long LastTrainedSeq, OnlineLearner Learner) Read(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new BinaryReader(file);
        if (reader.ReadUInt64() != Magic) throw new InvalidDataException($"{path} is not a Portal model file.");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"{path} has model file format {version}; this Portal reads {FormatVersion}.");
        var seq = reader.ReadInt64();
        using var rest = new MemoryStream();
        file.CopyTo(rest);
        var data = rest.ToArray();
        return (data, seq, ModelBytes.Read(data));
    }
}
