using System.Security.Cryptography;
using System.Text;

namespace Portal.Features.Insights.Report;

/// <summary>A rendered compliance report: the self-contained HTML document and its SHA-256 (what a sign-off records).</summary>
public sealed record ReportDocument(ComplianceReport Report, string Html)
{
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Html)));

    public string FileName => $"compliance-{Report.LoopId}-{Report.Period.From:yyyy-MM-dd}-to-{Report.Period.To.AddDays(-1):yyyy-MM-dd}.html";
}
