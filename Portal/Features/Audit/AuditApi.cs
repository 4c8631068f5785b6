using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Audit;

/// <summary>
/// The audit log for automation (<c>/api/v1/audit</c>, personal API tokens) and the portal's CSV download
/// (<c>/audit/export.csv</c>, signed-in session). Both need <see cref="PortalPolicies.ReadAudit"/>; every export is audited.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Audit");
        api.MapGet("/audit", Find).WithName("Audit_Find").RequireAuthorization(PortalPolicies.ReadAudit)
            .WithSummary("Audit entries, newest first, filtered; format=csv streams every matching entry as formula-safe CSV.")
            .Produces<AuditPageResponse>().ProducesApiErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        api.MapGet("/audit/verify", Verify).WithName("Audit_Verify").RequireAuthorization(PortalPolicies.ReadAudit)
            .WithSummary("Walks the hash chain; names the first entry that was changed, removed or inserted.")
            .Produces<AuditVerifier.Result>();
        app.MapGet("/audit/export.csv", ExportFromPortal).RequireAuthorization(PortalPolicies.ReadAudit).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Find(HttpContext http, AuditQueries queries, AuditCsv csv,
        DateTimeOffset? from, DateTimeOffset? to, string? loopId, string? actor, string? action, string? targetType, string? targetId,
        int? skip, int? take, string? format, CancellationToken ct)
    {
        var filter = new AuditFilter(from, to, loopId, actor, action, targetType, targetId);
        if (format is not (null or "json" or "csv")) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "format must be json or csv.");
        if (take is < 1 or > AuditQueries.MaxPageSize) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, $"take must be between 1 and {AuditQueries.MaxPageSize}.");
        if (skip is < 0) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, "skip cannot be negative.");
        if (format == "csv") return await CsvAsync(http, csv, filter, ct);

        var page = await queries.FindAsync(filter, skip ?? 0, take ?? 100, ct);
        return ApiJson.Ok(new AuditPageResponse(page.Total, skip ?? 0, page.Entries.Select(AuditEntryResponse.From).ToList()));
    }

    public static async Task<IResult> Verify(AuditVerifier verifier, CancellationToken ct) => ApiJson.Ok(await verifier.VerifyAsync(ct));

    public static Task<IResult> ExportFromPortal(HttpContext http, AuditCsv csv,
        DateTimeOffset? from, DateTimeOffset? to, string? loopId, string? actor, string? action, string? targetType, string? targetId, CancellationToken ct) =>
        CsvAsync(http, csv, new AuditFilter(from, to, loopId, actor, action, targetType, targetId), ct);

    private static async Task<IResult> CsvAsync(HttpContext http, AuditCsv csv, AuditFilter filter, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"portal-audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        await csv.WriteAsync(Actor.From(http.User), filter, http.Response.Body, ct);
        return TypedResults.Empty;
    }
}
