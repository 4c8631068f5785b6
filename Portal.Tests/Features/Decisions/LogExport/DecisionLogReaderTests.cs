using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Decisions.LogExport;
using Portal.Tests.Features.Insights.Aggregation;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.LogExport;

/// <summary>The export's and the evaluation's one query, read in pages (the next read ahead while the caller works).</summary>
public class DecisionLogReaderTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_window_of_more_than_two_pages_is_read_whole_in_time_order_even_when_a_page_ends_inside_a_tie()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        // Two decisions share every millisecond, so page boundaries (5,000 rows) fall inside ties.
        var total = DecisionLogReader.PageSize * 2 + 3;
        var decisions = Enumerable.Range(0, total)
            .Select(i => InsightData.Decision(loopId, Start.AddMilliseconds(i / 2), "25-34", "A", reward: i % 3))
            .ToArray();
        await InsightData.SeedAsync(factory.Services, decisions);
        var reader = factory.Services.GetRequiredService<DecisionLogReader>();

        var read = new List<LoggedEvent>();
        await foreach (var e in reader.ReadAsync(loopId, Start, Start.AddDays(1), long.MaxValue, CancellationToken.None)) read.Add(e);

        Assert.Equal(total, read.Count);
        Assert.Equal(decisions.Select(d => d.EventId).Order(), read.Select(e => e.EventId).Order());
        Assert.True(read.Zip(read.Skip(1)).All(p => (p.First.CreatedAt, p.First.Seq).CompareTo((p.Second.CreatedAt, p.Second.Seq)) < 0));
    }

    [Fact]
    public async Task A_limit_or_a_caller_that_stops_early_reads_no_further_and_leaves_the_reader_usable()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        await InsightData.SeedAsync(factory.Services, Enumerable.Range(0, DecisionLogReader.PageSize + 10)
            .Select(i => InsightData.Decision(loopId, Start.AddSeconds(i), "25-34", "A", reward: 1)).ToArray());
        var reader = factory.Services.GetRequiredService<DecisionLogReader>();

        var limited = 0;
        await foreach (var _ in reader.ReadAsync(loopId, Start, Start.AddDays(1), 7, CancellationToken.None)) limited++;
        var stoppedAt = 0;
        await foreach (var _ in reader.ReadAsync(loopId, Start, Start.AddDays(1), long.MaxValue, CancellationToken.None))
        {
            if (++stoppedAt == 3) break;
        }
        var all = 0;
        await foreach (var _ in reader.ReadAsync(loopId, Start, Start.AddDays(1), long.MaxValue, CancellationToken.None)) all++;

        Assert.Equal(7, limited);
        Assert.Equal(3, stoppedAt);
        Assert.Equal(DecisionLogReader.PageSize + 10, all);
    }
}

/// <summary>The log export's reader on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class DecisionLogReaderOnPostgresTests(PostgresPortalAppFactory factory) : DecisionLogReaderTests(factory), IClassFixture<PostgresPortalAppFactory>;
