using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Learning.Models;

/// <summary>
/// A data folder of the version that kept models in files: at the first start its model and snapshots move into the
/// database, the demo loop serves what it had learned, and the files are kept aside.
/// </summary>
public sealed class ModelFileImportTests : IDisposable
{
    private const ulong FileMagic = 0x4C444F4D4C54524F; // "ORTLMODL", the header of the former model files
    private readonly string data = Path.Combine(Path.GetTempPath(), "portal-model-import-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Model_files_of_an_older_data_folder_are_served_after_the_upgrade_and_kept_aside()
    {
        var models = Path.Combine(data, "models");
        var learner = Trained(examples: 6);
        WriteModelFile(Path.Combine(models, "demo.model"), learner, lastTrainedSeq: 42);
        WriteModelFile(Path.Combine(models, "snapshots", "demo", "1700000000000-40-5.model"), Trained(examples: 5), lastTrainedSeq: 40);

        using var portal = new FilesFolder(data);
        portal.CreateClient().Dispose();

        var served = portal.Services.GetRequiredService<ModelRegistry>().Find("demo")!;
        Assert.Equal(6, served.Learner.ExamplesLearned);
        Assert.Equal(42, served.LastTrainedSeq);
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var snapshot = await db.StoredModelSnapshots.SingleAsync(s => s.LoopId == "demo" && s.Id == "1700000000000-40-5");
        Assert.Equal((40L, 5L), (snapshot.LastTrainedSeq, snapshot.ExamplesLearned));
        Assert.False(Directory.Exists(models));
        Assert.True(File.Exists(Path.Combine(data, "models.imported", "demo.model")));
    }

    private static OnlineLearner Trained(int examples)
    {
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var actions = LearningFixtures.ArticleActions();
        for (var i = 0; i < examples; i++) learner.Learn(LearningFixtures.NewsContext("Tom", "morning"), actions, i % actions.Length, 0.5, 1);
        return learner;
    }

    /// <summary>The former file format: magic, format 1, the last trained decision, then the learner's own bytes.</summary>
    private static void WriteModelFile(string path, OnlineLearner learner, long lastTrainedSeq)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var writer = new BinaryWriter(file);
        writer.Write(FileMagic);
        writer.Write(1);
        writer.Write(lastTrainedSeq);
        writer.Flush();
        learner.Save(file);
    }

    private sealed class FilesFolder(string dataDirectory) : PortalAppFactory
    {
        public override string DataDirectory => dataDirectory;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
    }
}
