using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Features.Training;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Features.Decisions.Retention;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.Log;

/// <summary>
/// The log writer stores an actions list sent again once, apart from the rows, and every decision still reads back with
/// the request exactly as it was sent; a list written in a batch that rolls back is never named by a later decision.
/// </summary>
public sealed class ActionListStoreTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private DecisionLogWriter Writer => factory.Services.GetRequiredService<DecisionLogWriter>();

    [Fact]
    public async Task A_list_sent_again_is_stored_once_and_every_request_reads_back_as_sent()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var list = NewList();
        var sent = Enumerable.Range(0, 4).Select(i => Body(list, $"visit {i}")).ToList();

        for (var i = 0; i < sent.Count; i++)
            Assert.Equal(LogWriteResult.Committed, await Writer.AppendAsync(Decision(loopId, $"e{i}", sent[i]), CancellationToken.None));

        await using var db = await Db();
        var rows = await db.Decisions.Where(d => d.LoopId == loopId).OrderBy(d => d.Seq).ToListAsync();
        Assert.Null(rows[0].ActionListId);
        Assert.Single(rows.Skip(1).Select(r => r.ActionListId).Distinct());
        Assert.All(rows.Skip(1), r => Assert.Contains("\"actions\" : [],", r.RequestJson));
        Assert.Equal(list, (await db.ActionLists.SingleAsync(a => a.Id == rows[1].ActionListId)).ActionsJson);
        await AssertReadBackAsSentAsync(loopId, sent);
    }

    [Fact]
    public async Task Hashed_features_log_only_their_context_set_and_the_trainer_reads_them_whole()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var list = NewList();
        var sent = Enumerable.Range(0, 3).Select(i => Body(list, $"visit {i}")).ToList();
        var records = sent.Select(Features).ToList();
        // A record whose action sets differ from the list's (hashed otherwise, say by another loop): kept whole.
        var otherSets = Features(Body(NewList(), "visit 3"));

        for (var i = 0; i < sent.Count; i++) await Writer.AppendAsync(Decision(loopId, $"e{i}", sent[i], records[i]), CancellationToken.None);
        await Writer.AppendAsync(Decision(loopId, "e3", Body(list, "visit 3"), otherSets), CancellationToken.None);

        await using var db = await Db();
        var stored = await db.Decisions.Where(d => d.LoopId == loopId).OrderBy(d => d.Seq).Select(d => d.LearnerFeatures!).ToListAsync();
        Assert.Equal(records[0], stored[0]);
        Assert.All(stored[1..3], row => Assert.True(row.Length < records[1].Length / 2, $"{row.Length} bytes logged of {records[1].Length}"));
        Assert.Equal(otherSets, stored[3]);
        var read = await TrainingBatch.ReadAsync(db, loopId, 0, 10, CancellationToken.None);
        Assert.Equal([.. records, otherSets], read.Select(AsTheTrainerDecodesIt));
        // The list's sets are read once per batch and shared by the decisions that name it.
        Assert.Same(read[1].ListActionSets, read[2].ListActionSets);
    }

    /// <summary>The features the trainer learns from an example, written again as one whole record.</summary>
    private static byte[] AsTheTrainerDecodesIt(TrainingExample example)
    {
        Assert.True(new LearnerFeatureReader().TryRead(example.LearnerFeatures, example.ListActionSets, 0, out var context, out var actions, out var chosen));
        return LearnerFeatureRecord.Write(context, actions, chosen, fingerprint: 0);
    }

    [Fact]
    public async Task A_list_written_in_a_batch_that_rolls_back_is_written_again_and_no_decision_names_a_missing_one()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var list = NewList();
        var first = Body(list, "first");
        Assert.Equal(LogWriteResult.Committed, await Writer.AppendAsync(Decision(loopId, "first", first), CancellationToken.None));

        // The second sighting writes the list, and the broken write beside it rolls the whole batch back.
        var (holding, hold) = DecisionLogWriterTests.HoldTheWriter(Writer);
        var lost = Writer.AppendAsync(Decision(loopId, "lost", Body(list, "lost")), CancellationToken.None);
        var broken = Writer.AppendAsync(Decision(loopId, "broken", Body(list, "broken")) with { LoopId = null! }, CancellationToken.None);
        hold.Set();
        await holding;
        await Assert.ThrowsAnyAsync<Exception>(() => lost);
        await Assert.ThrowsAnyAsync<Exception>(() => broken);

        var later = Enumerable.Range(0, 3).Select(i => Body(list, $"later {i}")).ToList();
        for (var i = 0; i < later.Count; i++)
            Assert.Equal(LogWriteResult.Committed, await Writer.AppendAsync(Decision(loopId, $"later-{i}", later[i]), CancellationToken.None));

        await using var db = await Db();
        var named = await db.Decisions.Where(d => d.LoopId == loopId && d.ActionListId != null).Select(d => d.ActionListId!.Value).Distinct().ToListAsync();
        Assert.NotEmpty(named);
        Assert.Equal(named.Count, await db.ActionLists.CountAsync(a => named.Contains(a.Id)));
        await AssertReadBackAsSentAsync(loopId, [first, .. later]);
    }

    [Fact]
    public async Task A_writer_started_again_finds_the_stored_list_instead_of_writing_another()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var list = NewList();
        foreach (var i in Enumerable.Range(0, 2))
            await Writer.AppendAsync(Decision(loopId, $"before-{i}", Body(list, $"before {i}")), CancellationToken.None);

        using var restarted = new DecisionLogWriter(factory.Services.GetRequiredService<DatabaseEngine>(), Options.Create(new DecisionLogOptions()),
            TimeProvider.System, new UrgentWrites(), new StorageHealth(TimeProvider.System), NullLogger<DecisionLogWriter>.Instance);
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            foreach (var i in Enumerable.Range(0, 2))
                await restarted.AppendAsync(Decision(loopId, $"after-{i}", Body(list, $"after {i}")), CancellationToken.None);
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }

        await using var db = await Db();
        var ids = await db.Decisions.Where(d => d.LoopId == loopId && d.ActionListId != null).Select(d => d.ActionListId).ToListAsync();
        Assert.Equal(2, ids.Count);
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await db.ActionLists.CountAsync(a => a.ActionsJson == list));
    }

    [Fact]
    public async Task Lists_that_always_differ_are_logged_whole_and_nothing_is_stored_apart()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var listsBefore = await CountListsAsync();

        foreach (var i in Enumerable.Range(0, 5))
            await Writer.AppendAsync(Decision(loopId, $"unique-{i}", Body(NewList(), "same context")), CancellationToken.None);

        await using var db = await Db();
        Assert.Equal(5, await db.Decisions.CountAsync(d => d.LoopId == loopId && d.ActionListId == null && d.RequestJson.Contains("\"features\"")));
        Assert.Equal(listsBefore, await CountListsAsync());
    }

    [Fact]
    public async Task Retention_deletes_the_lists_no_decision_names_any_more_and_one_sent_again_is_stored_anew()
    {
        var loopId = await new RetentionData(factory).LoopAsync(retentionDays: 30);
        var (pastList, liveList) = (NewList(), NewList());
        var longAgo = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var i in Enumerable.Range(0, 3))
        {
            await Writer.AppendAsync(Decision(loopId, $"past-{i}", Body(pastList, $"past {i}")) with { CreatedAt = longAgo.AddMinutes(i) }, CancellationToken.None);
            await Writer.AppendAsync(Decision(loopId, $"live-{i}", Body(liveList, $"live {i}")), CancellationToken.None);
        }

        await RetentionData.PurgeAt(factory, TimeProvider.System).PurgeAsync(CancellationToken.None);

        await using (var db = await Db())
        {
            Assert.Equal(0, await db.ActionLists.CountAsync(a => a.ActionsJson == pastList));
            Assert.Equal(1, await db.ActionLists.CountAsync(a => a.ActionsJson == liveList));
        }
        var again = Enumerable.Range(0, 3).Select(i => Body(pastList, $"again {i}")).ToList();
        for (var i = 0; i < again.Count; i++) await Writer.AppendAsync(Decision(loopId, $"again-{i}", again[i]), CancellationToken.None);
        await using (var db = await Db())
        {
            var named = await db.Decisions.Where(d => d.LoopId == loopId && d.ActionListId != null).Select(d => d.ActionListId!.Value).Distinct().ToListAsync();
            Assert.Equal(2, named.Count);
            Assert.Equal(2, await db.ActionLists.CountAsync(a => named.Contains(a.Id)));
        }
        await AssertReadBackAsSentAsync(loopId, [.. Enumerable.Range(0, 3).Select(i => Body(liveList, $"live {i}")), .. again]);
    }

    private async Task AssertReadBackAsSentAsync(string loopId, IReadOnlyList<string> sent)
    {
        await using var db = await Db();
        var rows = await db.Decisions.Where(d => d.LoopId == loopId).OrderBy(d => d.Seq).ToListAsync();
        var lists = await StoredActionLists.LoadAsync(db, rows.Select(r => r.ActionListId), CancellationToken.None);
        Assert.Equal(sent, rows.Select(r => lists.RequestOf(r.RequestJson, r.ActionListId)));
    }

    private async Task<int> CountListsAsync()
    {
        await using var db = await Db();
        return await db.ActionLists.CountAsync();
    }

    private Task<PortalDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>A list no other test sends (the writer's memory of lists is shared by the tests of this fixture).</summary>
    private static string NewList() =>
        $$$"""[{"id":"a","features":[{"item":{"batch":"{{{Guid.NewGuid():N}}}","price":3}}]},{"id":"b","features":[{"item":{"c":"é"}}]}]""";

    private static string Body(string list, string context) =>
        $$$"""{"contextFeatures":[{"user":{"note":"{{{context}}}"}}], "actions" : {{{list}}},"eventId":"x"}""";

    /// <summary>
    /// A decision whose request is the body's UTF-8 bytes, with its list's place as Rank's body reader reports it, and
    /// hashed features when given (a logging-only loop logs none).
    /// </summary>
    private static DecisionRecord Decision(string loopId, string eventId, string body, byte[]? features = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new DecisionRecord(loopId, eventId, DateTimeOffset.UtcNow, new LoggedText(bytes), "a", 0.5, "a",
            Explored: false, ModelVersion: 1, LearningMode.Online, """[{"id":"a","probability":0.5},{"id":"b","probability":0.5}]""", "[]",
            DeferActivation: false, LearnerFeatures: features, ActionsJson: LoggedRequest.ActionsValue(bytes));
    }

    /// <summary>The body's features as Rank logs them for the trainer (the first action chosen).</summary>
    private static byte[] Features(string body)
    {
        using var read = RankBodyReader.TryRead(Encoding.UTF8.GetBytes(body), auditOnlyFeatures: null)!;
        return LearnerFeatureRecord.Write(read.Features.Context, read.Features.Actions, chosen: 0, fingerprint: 0);
    }
}
