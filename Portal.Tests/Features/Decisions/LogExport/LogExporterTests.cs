using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Decisions.LogExport;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Insights.Aggregation;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.LogExport;

/// <summary>The DSJSON export formats batches on several threads: the file is still every readable decision's line, in the log's order.</summary>
public sealed class LogExporterTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 2, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_dsjson_file_is_each_readable_decisions_line_in_log_order_and_the_unreadable_are_counted()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        // Enough for several batches of a thousand, each cut in parts; every seventh decision's ranking is unreadable.
        var decisions = Enumerable.Range(0, 2_345).Select(i =>
        {
            var d = InsightData.Decision(loopId, Start.AddSeconds(i), i % 2 == 0 ? "25-34" : "65+", i % 3 == 0 ? "A" : "B", reward: i % 4 == 0 ? null : i % 5);
            d.RankingJson = i % 7 == 0 ? "[]" : $$"""[{"id":"{{d.ChosenActionId}}","probability":0.75},{"id":"{{(d.ChosenActionId == "A" ? "B" : "A")}}","probability":0.25}]""";
            return d;
        }).ToArray();
        await InsightData.SeedAsync(factory.Services, decisions);
        var services = factory.Services;
        var planned = await services.GetRequiredService<LogExportPlanner>().PlanAsync(
            new LogExportRequest(loopId, Start, Start.AddDays(1), "dsjson"), CancellationToken.None);
        var plan = planned.Plan!;
        var expected = new List<string>();
        await foreach (var logged in services.GetRequiredService<DecisionLogReader>().ReadAsync(loopId, Start, Start.AddDays(1), long.MaxValue, CancellationToken.None))
        {
            if (ExportedDecision.Read(logged, plan.Rules) is not null) expected.Add(LogExportSamples.Line(logged, plan.Rules));
        }

        using var output = new MemoryStream();
        var result = await services.GetRequiredService<LogExporter>().WriteAsync(plan, Actor.System, output, null, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal(expected, lines[..^1]);
        Assert.Equal((decisions.Length - 335L, 335L), (result.Written, result.Unreadable));
    }
}
