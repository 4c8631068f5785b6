using Portal.Features.Decisions.LogExport;
using Portal.Infrastructure.Export;
using static Portal.Tests.Features.Decisions.LogExport.LogExportSamples;

namespace Portal.Tests.Features.Decisions.LogExport;

/// <summary>The log's CSV rows: quoting, formula safety, exact numbers, no reserved or audit-only features.</summary>
public sealed class LogCsvRowTests
{
    private static string Row(LoggedEvent logged, LoopExportRules rules)
    {
        var decision = ExportedDecision.Read(logged, rules)!;
        var text = new StringWriter();
        LogCsvRow.Write(new CsvWriter(text), decision, rules);
        return text.ToString();
    }

    [Fact]
    public void Texts_are_quoted_with_doubled_quotes_and_numbers_read_back_exactly()
    {
        var row = Row(Event(), Rules());

        Assert.StartsWith("\"event-1\",\"2026-03-04T05:06:07.8910000Z\",\"sports\",0.7000000000000001,0.30000000000000004,\"true\",-0.30000000000000004,", row);
        Assert.Contains("\"\"id\"\":\"\"weather, \\\"\"today\\\"\"\"\"", row);
        Assert.EndsWith("\r\n", row);
    }

    [Fact]
    public void The_context_cell_holds_features_without_the_user_id_or_audit_only_ones()
    {
        var row = Row(Event(), Rules("user.tier"));

        Assert.Contains("\"\"ageBand\"\":\"\"65+\"\"", row);
        Assert.DoesNotContain("jane-17", row);
        Assert.DoesNotContain("gold", row);
    }

    [Fact]
    public void A_missing_reward_is_the_default_and_marked_as_not_received()
    {
        var row = Row(Event(reward: null), Rules());

        Assert.Contains(",-0.25,\"false\",0.25,", row);
    }

    [Fact]
    public void An_action_id_that_looks_like_a_formula_is_written_as_text()
    {
        var logged = Event(chosen: "=HYPERLINK(1)", ranking: """[{"id":"=HYPERLINK(1)","probability":1}]""",
            request: """{"contextFeatures":[],"actions":[{"id":"=HYPERLINK(1)"}]}""");

        Assert.Contains(",\"'=HYPERLINK(1)\",", Row(logged, Rules()));
    }

    [Fact]
    public void The_header_names_every_column_once()
    {
        Assert.Equal(LogCsvRow.Header.Length, LogCsvRow.Header.Distinct().Count());
        Assert.Equal(LogCsvRow.Header.Length, Row(Event(), Rules()).Count(c => c == ',') + 1 - CommasInsideCells(Row(Event(), Rules())));
    }

    private static int CommasInsideCells(string row)
    {
        var (inside, count) = (false, 0);
        foreach (var c in row)
        {
            if (c == '"') inside = !inside;
            else if (c == ',' && inside) count++;
        }
        return count;
    }
}
