using Microsoft.AspNetCore.Antiforgery;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Data-subject requests for automation (personal API tokens): by user id (<c>/api/v1/privacy/subjects/{userId}</c>,
/// with <c>?contactEmail=</c> to include feedback sent with an address) or by a contact email address alone
/// (<c>/api/v1/privacy/contacts/{contactEmail}</c>): what is held, the export, the erasure; and the portal page's download
/// (<c>POST /privacy/requests/export</c>, signed-in session, antiforgery: a form post keeps the person out of addresses,
/// browser history and access logs). All need <see cref="PortalPolicies.HandleDataSubjectRequests"/> (Admin).
/// </summary>
public static class SubjectRequestsApi
{
    public const string Route = "/privacy/subjects/{userId}";
    public const string ContactRoute = "/privacy/contacts/{contactEmail}";
    public const string PortalExportRoute = "/privacy/requests/export";

    public static IEndpointRouteBuilder MapSubjectRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTokenApiGroup("Privacy");
        api.MapGet(Route, Find).WithName("Privacy_FindSubject").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("What is held about a user id: decisions of any loop whose context carries it, linked feedback tickets and contact addresses (and tickets sent with contactEmail, when given), opt-out entries.")
            .Produces<SubjectResponse>().ProducesPrivacyErrors();
        api.MapGet(Route + "/export", Export).WithName("Privacy_ExportSubject").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Everything held about a user id (and contactEmail, when given) as one JSON document, streamed; audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesPrivacyErrors();
        api.MapDelete(Route, Erase).WithName("Privacy_EraseSubject").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Erases everything held about a user id (and contactEmail, when given; opt-out entries only with removeOptOuts=true); aggregates are kept; audited. The erasure runs to its end even if the client hangs up, and is taken up again after a restart.")
            .Produces<ErasureResponse>().ProducesPrivacyErrors();
        api.MapGet(ContactRoute, FindContact).WithName("Privacy_FindContact").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("What is held about a person known only by the contact email address they gave on feedback forms: their tickets.")
            .Produces<SubjectResponse>().ProducesPrivacyErrors();
        api.MapGet(ContactRoute + "/export", ExportContact).WithName("Privacy_ExportContact").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Everything held about a contact email address as one JSON document, streamed; audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesPrivacyErrors();
        api.MapDelete(ContactRoute, EraseContact).WithName("Privacy_EraseContact").RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithSummary("Erases everything held about a contact email address; audited; runs to its end even if the client hangs up.")
            .Produces<ErasureResponse>().ProducesPrivacyErrors();
        app.MapPost(PortalExportRoute, ExportFromPortal).RequireAuthorization(PortalPolicies.HandleDataSubjectRequests)
            .WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    public static Task<IResult> Find(string userId, string? contactEmail, HttpContext http, SubjectSearch search, CancellationToken ct) =>
        FindAsync(new SubjectQuery(userId, contactEmail), http, search, ct);

    public static Task<IResult> FindContact(string contactEmail, HttpContext http, SubjectSearch search, CancellationToken ct) =>
        FindAsync(SubjectQuery.ByContactEmail(contactEmail), http, search, ct);

    public static Task<IResult> Export(string userId, string? contactEmail, HttpContext http, SubjectSearch search, SubjectExport export, CancellationToken ct) =>
        ExportAsync(new SubjectQuery(userId, contactEmail), http, search, export, ct);

    public static Task<IResult> ExportContact(string contactEmail, HttpContext http, SubjectSearch search, SubjectExport export, CancellationToken ct) =>
        ExportAsync(SubjectQuery.ByContactEmail(contactEmail), http, search, export, ct);

    public static Task<IResult> Erase(string userId, string? contactEmail, bool? removeOptOuts, HttpContext http, SubjectSearch search,
        BackgroundErasures erasure, CancellationToken ct) =>
        EraseAsync(new SubjectQuery(userId, contactEmail), removeOptOuts ?? false, http, search, erasure, ct);

    public static Task<IResult> EraseContact(string contactEmail, HttpContext http, SubjectSearch search, BackgroundErasures erasure, CancellationToken ct) =>
        EraseAsync(SubjectQuery.ByContactEmail(contactEmail), removeOptOuts: false, http, search, erasure, ct);

    private static async Task<IResult> FindAsync(SubjectQuery query, HttpContext http, SubjectSearch search, CancellationToken ct)
    {
        if (query.Problem() is { } problem) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem);
        var findings = await search.FindAsync(query, Actor.From(http.User), null, ct);
        return findings.NothingHeld ? ApiResults.NotFound(SubjectFindings.NothingHeldMessage)
            : ApiJson.Ok(new SubjectResponse(findings.Subject.UserHash, findings.Subject.ContactHash, findings.Counts));
    }

    private static async Task<IResult> ExportAsync(SubjectQuery query, HttpContext http, SubjectSearch search, SubjectExport export, CancellationToken ct)
    {
        if (query.Problem() is { } problem) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem);
        var findings = await search.FindAsync(query, Actor.From(http.User), null, ct);
        if (findings.NothingHeld) return ApiResults.NotFound(SubjectFindings.NothingHeldMessage);
        return await StreamAsync(http, export, findings, ct);
    }

    private static async Task<IResult> EraseAsync(SubjectQuery query, bool removeOptOuts, HttpContext http, SubjectSearch search,
        BackgroundErasures erasures, CancellationToken ct)
    {
        if (query.Problem() is { } problem) return ApiResults.BadRequest(ApiErrorCodes.BadRequest, problem);
        var actor = Actor.From(http.User);
        var findings = await search.FindAsync(query, actor, null, ct);
        if (findings.NothingHeld) return ApiResults.NotFound(SubjectFindings.NothingHeldMessage);
        var job = await erasures.StartAsync(query, removeOptOuts, actor, ct);
        // A client that hangs up stops waiting, not the erasure: it goes on in the background (and after a restart).
        var result = await job.Completion.WaitAsync(ct);
        return ApiJson.Ok(new ErasureResponse(findings.Subject.UserHash, findings.Subject.ContactHash, result.Outcome, result.Erased, result.OptOutsKept));
    }

    public static async Task<IResult> ExportFromPortal(HttpContext http, SubjectSearch search, SubjectExport export, CancellationToken ct)
    {
        // Checked before the form is read (reading it would throw): a post from elsewhere gets a sentence, not an error page.
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            return TypedResults.BadRequest("The form was not opened from this portal, or it was open for too long: reload the page and export again.");
        var form = await http.Request.ReadFormAsync(ct);
        var query = new SubjectQuery(form["userId"].ToString(), form["contactEmail"].ToString());
        if (query.Problem() is { } problem) return TypedResults.BadRequest(problem);
        var findings = await search.FindAsync(query, Actor.From(http.User), null, ct);
        if (findings.NothingHeld) return TypedResults.NotFound(SubjectFindings.NothingHeldMessage);
        return await StreamAsync(http, export, findings, ct);
    }

    private static async Task<IResult> StreamAsync(HttpContext http, SubjectExport export, SubjectFindings findings, CancellationToken ct)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        // The file is named by the hash: a downloads folder should not list whose data it holds.
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"data-subject-{findings.Subject.Key[..12]}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json\"";
        await export.WriteAsync(findings, Actor.From(http.User), http.Response.Body, ct);
        return TypedResults.Empty;
    }
}

/// <param name="UserIdHash">The id's keyed hash, as the audit log names the person; null for a request by address only.</param>
/// <param name="ContactEmailHash">The address's keyed hash when one was given (the audit log names a person known only by it so).</param>
public sealed record SubjectResponse(string? UserIdHash, string? ContactEmailHash, IReadOnlyList<HeldCount> Held);

public sealed record ErasureResponse(string? UserIdHash, string? ContactEmailHash, ErasureOutcome Outcome, IReadOnlyList<HeldCount> Erased, bool OptOutsKept);
