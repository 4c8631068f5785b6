using Microsoft.AspNetCore.Antiforgery;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Data-subject requests for automation (<c>/api/v1/privacy/subjects/{userId}</c>, personal API tokens): what is held,
/// the export, the erasure; and the portal page's download (<c>POST /privacy/requests/export</c>, signed-in session,
/// antiforgery: a form post keeps the user id out of addresses, browser history and access logs). All need
/// <see cref="PortalPolicies.HandleDataSubjectRequests"/> (Admin).
/// </summary>
public static class SubjectRequestsApi
{
    public const string Route = "/privacy/subjects/{userId}";
    public const string PortalExportRoute = "/privacy/requests/export";

    public static IEndpointRouteBuilder MapSubjectRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Privacy");
        api.MapGet(Route, Find).WithName("Privacy_FindSubject").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("What is held about a user id: decisions of any loop whose context carries it, linked feedback tickets and contact addresses, opt-out entries.")
            .Produces<SubjectResponse>().ProducesSubjectErrors();
        api.MapGet(Route + "/export", Export).WithName("Privacy_ExportSubject").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Everything held about a user id as one JSON document, streamed; audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesSubjectErrors();
        api.MapDelete(Route, Erase).WithName("Privacy_EraseSubject").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Erases everything held about a user id (opt-out entries only with removeOptOuts=true); aggregates are kept; audited.")
            .Produces<ErasureResponse>().ProducesSubjectErrors();
        app.MapPost(PortalExportRoute, ExportFromPortal).RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Find(string userId, HttpContext http, SubjectSearch search, CancellationToken ct)
    {
        if (UserIds.Problem(userId) is { } problem) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem);
        var findings = await search.FindAsync(userId, Actor.From(http.User), null, ct);
        return findings.NothingHeld ? ApiResults.NotFound(SubjectFindings.NothingHeldMessage)
            : ApiJson.Ok(new SubjectResponse(findings.Subject.UserHash, findings.Counts));
    }

    public static async Task<IResult> Export(string userId, HttpContext http, SubjectSearch search, SubjectExport export, CancellationToken ct)
    {
        if (UserIds.Problem(userId) is { } problem) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem);
        var findings = await search.FindAsync(userId, Actor.From(http.User), null, ct);
        if (findings.NothingHeld) return ApiResults.NotFound(SubjectFindings.NothingHeldMessage);
        return await StreamAsync(http, export, findings, ct);
    }

    public static async Task<IResult> Erase(string userId, bool? removeOptOuts, HttpContext http, SubjectSearch search, SubjectErasure erasure, CancellationToken ct)
    {
        if (UserIds.Problem(userId) is { } problem) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem);
        var actor = Actor.From(http.User);
        var findings = await search.FindAsync(userId, actor, null, ct);
        if (findings.NothingHeld) return ApiResults.NotFound(SubjectFindings.NothingHeldMessage);
        var result = await erasure.EraseAsync(userId, removeOptOuts ?? false, actor, null, ct);
        return ApiJson.Ok(new ErasureResponse(findings.Subject.UserHash, result.Outcome, result.Erased, result.OptOutsKept));
    }

    public static async Task<IResult> ExportFromPortal(HttpContext http, SubjectSearch search, SubjectExport export, CancellationToken ct)
    {
        // Checked before the form is read (reading it would throw): a post from elsewhere gets a sentence, not an error page.
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            return TypedResults.BadRequest("The form was not opened from this portal, or it was open for too long: reload the page and export again.");
        var userId = (await http.Request.ReadFormAsync(ct))["userId"].ToString();
        if (UserIds.Problem(userId) is { } problem) return TypedResults.BadRequest(problem);
        var findings = await search.FindAsync(userId, Actor.From(http.User), null, ct);
        if (findings.NothingHeld) return TypedResults.NotFound(SubjectFindings.NothingHeldMessage);
        return await StreamAsync(http, export, findings, ct);
    }

    private static async Task<IResult> StreamAsync(HttpContext http, SubjectExport export, SubjectFindings findings, CancellationToken ct)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        // The file is named by the hash: a downloads folder should not list whose data it holds.
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"data-subject-{findings.Subject.UserHash[..12]}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json\"";
        await export.WriteAsync(findings, Actor.From(http.User), http.Response.Body, ct);
        return TypedResults.Empty;
    }

    private static RouteHandlerBuilder ProducesSubjectErrors(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<ApiError>(StatusCodes.Status400BadRequest)
        .Produces<ApiError>(StatusCodes.Status401Unauthorized)
        .Produces<ApiError>(StatusCodes.Status403Forbidden)
        .Produces<ApiError>(StatusCodes.Status404NotFound);
}

/// <param name="UserIdHash">The id's keyed hash, as the audit log names the person.</param>
public sealed record SubjectResponse(string UserIdHash, IReadOnlyList<HeldCount> Held);

public sealed record ErasureResponse(string UserIdHash, ErasureOutcome Outcome, IReadOnlyList<HeldCount> Erased, bool OptOutsKept);
