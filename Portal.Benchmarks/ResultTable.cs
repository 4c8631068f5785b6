using System.Text;

namespace Portal.Benchmarks;

/// <summary>Prints the rows as an aligned console table and as markdown.</summary>
public static class ResultTable
{
    private static readonly string[] Header = ["protocol", "config", "ours", "VW 9.11.2", "ours/VW", "note"];

    public static string Console(IReadOnlyList<ResultRow> rows)
    {
        var cells = rows.Select(Cells).Prepend(Header).ToArray();
        var widths = Enumerable.Range(0, Header.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in cells)
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<ResultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", Header) + " |");
        text.AppendLine("|" + string.Concat(Header.Select(_ => "---|")));
        foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", Cells(row)) + " |");
        return text.ToString();
    }

    private static string[] Cells(ResultRow row) => [row.Protocol, row.Config, row.Ours, row.Vw, row.RatioText, row.Note];
}
