using Portal.Data.Entities;
using Portal.Features.Evaluation.Runs;
using Portal.Features.Loops;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.Evaluation.Api;

/// <summary>
/// Personalizer's Evaluations API (2022-09-01-preview: base path <c>/personalizer</c>, <c>?api-version=2022-09-01-preview</c>)
/// for the loop that the key opens: create, get, list, delete, and applyFromEvaluation. Evaluations are the stored runs
/// the evaluation page shows; an id names an evaluation within the key's loop only.
/// </summary>
public static class EvaluationsApi
{
    public const string ApiVersion = "2022-09-01-preview";
    public const int DefaultPageSize = 100;

    /// <summary>Personalizer's default aggregation interval for the time series.</summary>
    public const int DefaultIntervalMinutes = 5;

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/personalizer").RequireAuthorization(LoopClient.Policy).WithTags("Evaluations")
            .AddEndpointFilter(RequireApiVersion);
        api.MapPut("/evaluations/{evaluationId}", CreateEvaluation).WithName("Evaluations_Create")
            .WithJsonBody<EvaluationContract>().Produces(StatusCodes.Status200OK).ProducesApiErrors(StatusCodes.Status400BadRequest);
        api.MapGet("/evaluations/{evaluationId}", GetEvaluation).WithName("Evaluations_Get")
            .Produces<EvaluationResponse>().ProducesApiErrors(StatusCodes.Status404NotFound);
        api.MapDelete("/evaluations/{evaluationId}", DeleteEvaluation).WithName("Evaluations_Delete")
            .Produces(StatusCodes.Status204NoContent).ProducesApiErrors(StatusCodes.Status404NotFound);
        api.MapGet("/evaluations", ListEvaluations).WithName("Evaluations_List").Produces<EvaluationsResponse>();
        api.MapPost("/configurations/applyFromEvaluation", ApplyFromEvaluation).WithName("ServiceConfiguration_ApplyFromEvaluation")
            .WithJsonBody<PolicyReferenceContract>().Produces(StatusCodes.Status204NoContent).ProducesApiErrors(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<IResult> CreateEvaluation(HttpContext http, string evaluationId, EvaluationRunService runs, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, EvaluationApiJsonContext.Default.EvaluationContract,
            EvaluationProblem.InvalidEvaluationContract, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var contract = body.Value!;
        if (contract.StartTime is null || contract.EndTime is null || contract.Policies is null)
            return ApiResults.BadRequest(EvaluationProblem.InvalidEvaluationContract, "name, startTime, endTime and policies are required.");
        var loop = http.Loop();
        var request = new NewEvaluation(loop.Id, evaluationId, contract.Name, contract.StartTime, contract.EndTime,
            [CandidateKind.Online, CandidateKind.Baseline, CandidateKind.Uniform],
            contract.Policies.Select(p => new NewPolicy(p.Name, p.Arguments)).ToList(),
            contract.EnablePolicyOptimization ?? false, DefaultIntervalMinutes);
        var outcome = await runs.CreateAsync(request, Actor.LoopKey(loop.Id), ct);
        return outcome.Problems.Count > 0 ? ErrorOf(outcome.Problems[0]) : TypedResults.Ok();
    }

    public static async Task<IResult> GetEvaluation(HttpContext http, string evaluationId, int? intervalInMinutes, string? window,
        DateTimeOffset? startTime, DateTimeOffset? endTime, EvaluationRunQueries queries, CancellationToken ct)
    {
        if (window is not null && window is not ("Expanding" or "Rolling"))
            return ApiResults.BadRequest("InvalidRequest", "window must be Expanding or Rolling.");
        if (await queries.FindAsync(new RunKey(http.Loop().Id, evaluationId), ct) is not { } detail)
            return ErrorOf(EvaluationProblem.NotFound(evaluationId));
        var series = window is null ? detail.Report is { } report ? EvaluationSeries.DefaultWindow(report) : SeriesWindow.Expanding
            : Enum.Parse<SeriesWindow>(window);
        if (EvaluationSeries.Problem(detail.Run.IntervalMinutes, detail.Report, series, intervalInMinutes) is { } problem)
            return ApiResults.BadRequest("InvalidRequest", problem);
        return TypedResults.Json(EvaluationResponseMapper.Evaluation(detail, startTime, endTime, series, intervalInMinutes),
            EvaluationApiJsonContext.Default.EvaluationResponse);
    }

    public static async Task<IResult> ListEvaluations(HttpContext http, int? top, int? skip, int? maxpagesize, EvaluationRunQueries queries,
        CancellationToken ct)
    {
        if (top < 0 || skip < 0 || maxpagesize < 1)
            return ApiResults.BadRequest("InvalidRequest", "top and skip must not be negative, and maxpagesize must be at least 1.");
        var (from, remaining) = (skip ?? 0, top ?? int.MaxValue);
        var size = Math.Min(Math.Min(maxpagesize ?? DefaultPageSize, DefaultPageSize), remaining);
        var (runs, total) = await queries.ListAsync(http.Loop().Id, from, size, ct);
        var next = runs.Count == size && from + size < total && remaining > size
            ? NextLink(http.Request, remaining - size, from + size, maxpagesize ?? DefaultPageSize)
            : null;
        return TypedResults.Json(new EvaluationsResponse(runs.Select(EvaluationResponseMapper.Details).ToList(), next),
            EvaluationApiJsonContext.Default.EvaluationsResponse);
    }

    public static async Task<IResult> DeleteEvaluation(HttpContext http, string evaluationId, EvaluationRunService runs, CancellationToken ct)
    {
        var loopId = http.Loop().Id;
        return await runs.DeleteAsync(new RunKey(loopId, evaluationId), Actor.LoopKey(loopId), ct)
            ? TypedResults.NoContent()
            : ErrorOf(EvaluationProblem.NotFound(evaluationId));
    }

    public static async Task<IResult> ApplyFromEvaluation(HttpContext http, EvaluationPolicyApplier applier, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, EvaluationApiJsonContext.Default.PolicyReferenceContract,
            "InvalidContract", keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        if (string.IsNullOrWhiteSpace(body.Value!.EvaluationId) || string.IsNullOrWhiteSpace(body.Value.PolicyName))
            return ApiResults.BadRequest("InvalidContract", "evaluationId and policyName are required.");
        var loopId = http.Loop().Id;
        var problem = await applier.ApplyAsync(new RunKey(loopId, body.Value.EvaluationId), body.Value.PolicyName, Actor.LoopKey(loopId), ct);
        return problem is null ? TypedResults.NoContent() : ErrorOf(problem);
    }

    private static IResult ErrorOf(EvaluationProblem problem) => ApiResults.Error(problem.Status, problem.Code, problem.Message);

    private static string NextLink(HttpRequest request, int top, int skip, int pageSize) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/personalizer/evaluations?api-version={ApiVersion}&top={top}&skip={skip}&maxpagesize={pageSize}";

    /// <summary>The preview routes answer only their own version, as Personalizer did.</summary>
    private static async ValueTask<object?> RequireApiVersion(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var version = context.HttpContext.Request.Query["api-version"].ToString();
        return version == ApiVersion
            ? await next(context)
            : ApiResults.BadRequest(ApiErrorCodes.BadRequest, $"The api-version query parameter is required and must be {ApiVersion}.");
    }
}
