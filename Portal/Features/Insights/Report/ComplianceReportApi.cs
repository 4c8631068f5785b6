using Portal.Infrastructure.Security;

namespace Portal.Features.Insights.Report;

/// <summary>
/// The compliance report as a file: <c>GET /insights/report/{loopId}/document?from=&amp;to=</c> (printable in the browser,
/// <c>&amp;download=true</c> to save it) and <c>GET /insights/report/signed/{id}</c>, the exact document a reviewer signed.
/// Every portal role may read them.
/// </summary>
public static class ComplianceReportApi
{
    public static IEndpointRouteBuilder MapComplianceReportApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/insights/report").RequireAuthorization(PortalPolicies.PortalUser).ExcludeFromDescription();
        reports.MapGet("/{loopId}/document", Document).WithName("ComplianceReportDocument");
        reports.MapGet("/signed/{id:long}", Signed).WithName("SignedComplianceReport");
        return app;
    }

    public static string DocumentUrl(string loopId, DateOnly first, DateOnly last, bool download) =>
        $"insights/report/{Uri.EscapeDataString(loopId)}/document?from={ReportPeriod.Format(first)}&to={ReportPeriod.Format(last)}{(download ? "&download=true" : "")}";

    public static async Task<IResult> Document(string loopId, string? from, string? to, bool? download, HttpContext http,
        ComplianceReportBuilder builder, ReportRenderer renderer, CancellationToken ct)
    {
        var (first, last, error) = ReportPeriod.Parse(from, to);
        if (error is not null) return TypedResults.Text(error, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        var report = await builder.BuildAsync(loopId, first, last, Actor.From(http.User).Name, ct);
        if (report is null) return TypedResults.Text($"There is no loop '{loopId}'.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        var document = await renderer.RenderAsync(report);
        return Html(http, document.Html, document.FileName, download == true);
    }

    public static async Task<IResult> Signed(long id, HttpContext http, SignOffQueries signOffs, CancellationToken ct)
    {
        if (await signOffs.DocumentAsync(id, ct) is not { } signed)
            return TypedResults.Text($"There is no sign-off {id}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        var name = $"compliance-{signed.LoopId}-{signed.From:yyyy-MM-dd}-to-{signed.To.AddDays(-1):yyyy-MM-dd}-signed-{id}.html";
        return Html(http, signed.Html, name, download: true);
    }

    private static IResult Html(HttpContext http, string html, string fileName, bool download)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (download) http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
