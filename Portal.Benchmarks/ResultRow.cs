namespace Portal.Benchmarks;

/// <summary>One line of the comparison table: our figure beside VW's and the ratio ours / VW.</summary>
public sealed record ResultRow(string Protocol, string Config, string Ours, string Vw, double? Ratio, string Note = "")
{
    /// <summary>A reward comparison; <paramref name="parity"/> rows check |ours − VW| ≤ SD, others ours − VW &gt; SD.</summary>
    public static ResultRow Compare(string protocol, string config, Statistics ours, Statistics vw, bool parity, string against = "")
    {
        var sd = Math.Max(ours.Sd, vw.Sd);
        var verdict = vw.N == 0 ? ""
            : parity ? (Math.Abs(ours.Mean - vw.Mean) <= sd ? "parity: within SD" : "parity: OUTSIDE SD")
            : ours.Mean - vw.Mean > sd ? $"beats {against} by > SD" : $"does NOT beat {against} by > SD";
        return new(protocol, config, ours.ToString(), vw.ToString(), vw.N == 0 ? null : ours.Mean / vw.Mean, verdict);
    }

    public string RatioText => Ratio is { } r ? r.ToString("F2") : "–";
}
