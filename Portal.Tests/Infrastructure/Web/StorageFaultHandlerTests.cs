using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Decisions.Log;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Features.Feedback;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Web;

/// <summary>
/// Real SQLite faults, no test seam in the product: an AUTOINCREMENT table whose sequence reached the largest rowid
/// refuses every insert with SQLITE_FULL ("database or disk is full"), on every connection; <c>PRAGMA query_only</c> on
/// the decision log writer's own connection makes its next batch fail with SQLITE_READONLY at BEGIN IMMEDIATE.
/// </summary>
public sealed class StorageFaultHandlerTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string RankPath = "/personalizer/v1.0/rank";

    [Fact]
    public async Task Rank_on_a_full_disk_answers_503_in_personalizers_shape_stores_nothing_and_the_next_rank_after_space_returns_is_stored()
    {
        var api = factory.CreateApiClient();
        var before = Unique("before");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: before)))).StatusCode);

        await SetSequenceAsync("Decisions", long.MaxValue);
        var refused = Enumerable.Range(0, 20).Select(i => Unique($"refused-{i}")).ToList();
        // Concurrent, so that refused Ranks share batches: a failed batch leaves none of its rows behind.
        var responses = await Task.WhenAll(refused.Select(id => api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: id)))));
        var live = await factory.CreateClient().GetAsync("/health/live");
        await SetSequenceAsync("Decisions", await MaxSeqAsync());
        var after = Unique("after");
        var recovered = await api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: after)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        var (code, message) = await responses[0].ReadErrorAsync();
        Assert.Equal("ServiceUnavailable", code);
        Assert.Equal("Storage is full: the decision was not recorded. Retry later.", message);
        Assert.Equal("5", responses[0].Headers.RetryAfter?.Delta?.TotalSeconds.ToString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.Created, recovered.StatusCode);
        await using var db = await Db();
        var stored = await db.Decisions.AsNoTracking().Select(d => d.EventId).ToListAsync();
        Assert.DoesNotContain(stored, refused.Contains);
        Assert.Contains(before, stored);
        Assert.Contains(after, stored);
    }

    [Fact]
    public async Task Rank_reward_and_activate_on_a_read_only_database_answer_503_and_the_writer_goes_on_with_a_new_connection()
    {
        var api = factory.CreateApiClient();
        var ranked = Unique("ranked");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: ranked, defer: true)))).StatusCode);
        var writer = factory.Services.GetRequiredService<DecisionLogWriter>();

        await ReadOnlyUntilReopenedAsync(writer);
        var rank = await api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: Unique("refused"))));
        var fault = factory.Services.GetRequiredService<StorageHealth>().Fault;
        await ReadOnlyUntilReopenedAsync(writer);
        var reward = await api.PostAsync($"/personalizer/v1.0/events/{ranked}/reward", RankPayloads.Json("""{"value":0.5}"""));
        await ReadOnlyUntilReopenedAsync(writer);
        var activate = await api.PostAsync($"/personalizer/v1.0/events/{ranked}/activate", null);
        var rewardAgain = await api.PostAsync($"/personalizer/v1.0/events/{ranked}/reward", RankPayloads.Json("""{"value":0.5}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rank.StatusCode);
        Assert.Equal(("ServiceUnavailable", "Storage is read-only: the decision was not recorded. Retry later."), await rank.ReadErrorAsync());
        Assert.Equal(("ServiceUnavailable", "Storage is read-only: the reward was not recorded. Retry later."), await reward.ReadErrorAsync());
        Assert.Equal(("ServiceUnavailable", "Storage is read-only: the activation was not recorded. Retry later."), await activate.ReadErrorAsync());
        Assert.Equal(StorageFaultKind.ReadOnly, fault?.Kind);
        Assert.Equal(HttpStatusCode.NoContent, rewardAgain.StatusCode);
        Assert.True(writer.IsRunning);
        Assert.Null(factory.Services.GetRequiredService<StorageHealth>().Fault);
    }

    [Fact]
    public async Task A_feedback_post_on_a_full_disk_shows_that_nothing_was_saved_and_the_same_post_works_once_space_returns()
    {
        var message = Unique("The suggestion ignored what I asked for.");

        await SetSequenceAsync("FeedbackTickets", long.MaxValue);
        var refused = await factory.Browser().PostFeedbackAsync(message);
        var html = await refused.Content.ReadAsStringAsync();
        var storedMeanwhile = await factory.TicketsWithAsync(message);
        await SetSequenceAsync("FeedbackTickets", 0);
        var accepted = await factory.Browser().PostFeedbackAsync(message);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("We could not save this just now", html);
        Assert.Contains("Our storage is full at the moment, so nothing you sent was saved.", html);
        Assert.Empty(storedMeanwhile);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(await factory.TicketsWithAsync(message));
    }

    /// <summary>The writer's next batch fails with SQLITE_READONLY; the writer then opens a new connection, which has no such pragma.</summary>
    private static Task ReadOnlyUntilReopenedAsync(DecisionLogWriter writer) =>
        writer.RunInNextCommitAsync((connection, _) => Pragma(connection, "PRAGMA query_only = 1"), CancellationToken.None);

    private static string Unique(string text) => $"{text}-{Guid.NewGuid():N}";

    private static void Pragma(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private Task<PortalDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private async Task<long> MaxSeqAsync()
    {
        await using var db = await Db();
        return await db.Decisions.MaxAsync(d => d.Seq);
    }

    /// <summary>AUTOINCREMENT's counter: at long.MaxValue SQLite refuses the next insert with SQLITE_FULL.</summary>
    private async Task SetSequenceAsync(string table, long value)
    {
        await using var db = await Db();
        if (await db.Database.ExecuteSqlAsync($"UPDATE sqlite_sequence SET seq = {value} WHERE name = {table}") == 0)
            await db.Database.ExecuteSqlAsync($"INSERT INTO sqlite_sequence (name, seq) VALUES ({table}, {value})");
    }
}
