namespace Portal.Benchmarks;

/// <summary>One line of the comparison table: our figure beside VW's and the ratio ours / VW.</summary>
public sealed record ResultRow(string Protocol, string Config, string Ours, string Vw, double? Ratio, string Note = "")
{
    public static ResultRow Compare(string protocol, string config, Statistics ours, Statistics vw, string note = "") =>
        new(protocol, config, ours.ToString(), vw.ToString(), vw.N == 0 ? null : ours.Mean / vw.Mean, note);

    public string RatioText => Ratio is { } r ? r.ToString("F2") : "–";
}
