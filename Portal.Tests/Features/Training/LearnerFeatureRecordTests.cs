using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Features.Training;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Training;

/// <summary>
/// The trainer learns from Rank's logged hashes exactly what it learned by parsing the logged request, and decisions
/// logged before the hashes existed (a null column after the upgrade) are still learned from their request.
/// </summary>
public sealed class LearnerFeatureRecordTests
{
    private static readonly TrainingExampleLearner Trainer = new(NullLogger<TrainingExampleLearner>.Instance);

    [Fact]
    public void Learning_from_the_logged_hashes_gives_the_same_weights_as_parsing_the_request()
    {
        var fromJson = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var fromRecord = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var json = Request(random, i);
            var chosen = $"action-{random.Next(4)}";
            var reward = random.NextDouble();
            var old = Example(i, json, chosen, reward, features: null);
            Assert.True(Trainer.Learn(fromJson, old, 0));
            Assert.True(Trainer.Learn(fromRecord, old with { LearnerFeatures = RecordOf(json, chosen, null) }, 0));
        }

        Assert.Equal(fromJson.ExamplesLearned, fromRecord.ExamplesLearned);
        Assert.Equal(fromJson.State.ExportWeights(), fromRecord.State.ExportWeights());
    }

    [Fact]
    public void Hashes_taken_with_other_audit_only_features_are_not_used_the_request_is_parsed_with_the_current_ones()
    {
        var current = new HashSet<string>(["user.ageBand"], StringComparer.Ordinal);
        var fromJson = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var fromStale = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var random = new Random(11);
        for (var i = 0; i < 50; i++)
        {
            var json = Request(random, i);
            var example = Example(i, json, "action-1", 1, features: null);
            Trainer.Learn(fromJson, example, 0, current);
            // Hashed at Rank time when no feature was audit-only: the ageBand feature is in the record.
            Trainer.Learn(fromStale, example with { LearnerFeatures = RecordOf(json, "action-1", null) }, 0, current);
        }

        Assert.Equal(fromJson.State.ExportWeights(), fromStale.State.ExportWeights());
        Assert.NotEqual(0u, LearnerFeatureRecord.Fingerprint(current));
    }

    [Fact]
    public void A_damaged_or_unknown_record_falls_back_to_the_request()
    {
        var json = Request(new Random(3), 0);
        var record = RecordOf(json, "action-2", null);
        foreach (var damaged in new[] { record[..^3], [9, .. record[1..]], Array.Empty<byte>() })
        {
            Assert.False(LearnerFeatureRecord.TryRead(damaged, 0, out _, out _, out _));
            var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
            Assert.True(Trainer.Learn(learner, Example(1, json, "action-2", 1, damaged), 0));
        }
    }

    [Fact]
    public void A_record_logged_with_its_context_only_is_learned_with_the_sets_of_its_list_and_from_the_request_without_them()
    {
        var json = Request(new Random(5), 0);
        var whole = RecordOf(json, "action-2", null);
        var setsStart = LearnerFeatureRecord.ActionSetsStart(whole);
        var contextOnly = new byte[setsStart];
        LearnerFeatureRecord.ContextOnly(whole, setsStart, contextOnly);
        var listSets = whole[setsStart..];
        var fromWhole = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var fromParts = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));

        Assert.True(Trainer.Learn(fromWhole, Example(1, "{}", "action-2", 1, whole), 0));
        // The request cannot be parsed ("{}"): only the record and the list's sets can teach anything.
        Assert.True(Trainer.Learn(fromParts, Example(1, "{}", "action-2", 1, contextOnly) with { ListActionSets = listSets }, 0));
        Assert.Equal(fromWhole.State.ExportWeights(), fromParts.State.ExportWeights());

        foreach (var unusable in new[] { null, listSets[..^2], [.. listSets, 0, 0, 0, 0] })
        {
            Assert.False(LearnerFeatureRecord.IsUsable(contextOnly, unusable, 0));
            Assert.False(Trainer.Learn(new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault)),
                Example(1, "{}", "action-2", 1, contextOnly) with { ListActionSets = unusable }, 0));
            Assert.True(Trainer.Learn(new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault)),
                Example(1, json, "action-2", 1, contextOnly) with { ListActionSets = unusable }, 0));
        }
    }

    [Fact]
    public async Task Rank_logs_the_hashes_and_decisions_logged_without_usable_ones_are_learned_from_their_request()
    {
        using var factory = new PortalAppFactory();
        var (id, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        var loop = factory.Services.GetRequiredService<LoopDirectory>().Find(id)!;
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "with-hashes")));
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "upgraded-row")));
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3, "other-audit-only")));
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var logged = await db.Decisions.Where(d => d.LoopId == id).ToListAsync();
            Assert.All(logged, d => Assert.NotNull(d.LearnerFeatures));
            // What a row written before this column existed looks like after the migration.
            await db.Decisions.Where(d => d.LoopId == id && d.EventId == "upgraded-row").ExecuteUpdateAsync(s => s.SetProperty(d => d.LearnerFeatures, (byte[]?)null));
            // Hashed while other features were audit-only: the fingerprint no longer fits the loop's list.
            var stale = logged.Single(d => d.EventId == "other-audit-only").LearnerFeatures!;
            stale[1] ^= 0xFF;
            await db.Decisions.Where(d => d.LoopId == id && d.EventId == "other-audit-only").ExecuteUpdateAsync(s => s.SetProperty(d => d.LearnerFeatures, stale));
        }

        await Eventually.TrueAsync(() => loop.Model.Current.ExamplesLearned == 3);
    }

    private static TrainingExample Example(long seq, string json, string chosen, double reward, byte[]? features) =>
        new(seq, DateTimeOffset.UnixEpoch, json, chosen, 0.25, LearningMode.Online, false, null, reward, LearnerFeatures: features);

    /// <summary>The record as Rank writes it: features parsed from the request with the audit-only features of that moment.</summary>
    private static byte[] RecordOf(string json, string chosen, IReadOnlySet<string>? auditOnly)
    {
        var request = LoggedRequest.Read(json)!;
        var (context, actions) = RequestFeatures.Of(request, auditOnly);
        var index = request.Actions!.Select((a, i) => (a, i)).First(p => p.a.Id == chosen).i;
        return LearnerFeatureRecord.Write(context, actions, index, LearnerFeatureRecord.Fingerprint(auditOnly));
    }

    private static string Request(Random random, int i)
    {
        var body = RankPayloads.Valid(4);
        body["contextFeatures"]!.AsArray().Add(new JsonObject
        {
            ["device"] = new JsonObject { ["mobile"] = random.Next(2) == 1, ["width"] = random.Next(300, 1200) },
            ["_text"] = $"word{random.Next(5)} other",
            ["tags"] = new JsonArray("a", "b", random.NextDouble()),
        });
        body["contextFeatures"]![0]!["user"]!["visits"] = i % 17;
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = i % 2 == 0 });
    }
}
