namespace Portal.Benchmarks;

/// <summary>Writes the figures table into Portal.Benchmarks/LEARNER.md between its figure markers.</summary>
public static class LearnerReport
{
    private const string Begin = "<!-- figures:begin -->";
    private const string End = "<!-- figures:end -->";

    public static string Write(IReadOnlyList<ResultRow> rows, TimeSpan elapsed)
    {
        var path = Path.Combine(BenchDataLocator.RepositoryRoot(), "Portal.Benchmarks", "LEARNER.md");
        var figures = $"""
            {Begin}
            Run `dotnet run -c Release --project Portal.Benchmarks -- learner` ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores,
            .NET {Environment.Version}, {elapsed.TotalSeconds:F0} s). Rewards are average reward over the run, exploration
            included, mean ± population SD over seeds. VW columns: the stored VW 9.11.2 figures.

            {ResultTable.Markdown(rows)}
            {End}
            """;
        var text = File.Exists(path) ? File.ReadAllText(path) : "# The Portal learner\n\n" + Begin + "\n" + End + "\n";
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var stop = text.IndexOf(End, StringComparison.Ordinal);
        text = start < 0 || stop < 0 ? text + "\n" + figures + "\n" : text[..start] + figures + text[(stop + End.Length)..];
        File.WriteAllText(path, text);
        return path;
    }
}
