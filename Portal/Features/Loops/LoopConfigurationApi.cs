using Portal.Contracts.Personalizer;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Features.Loops;

/// <summary>Personalizer's configuration and model calls for the loop that the key opens.</summary>
public static class LoopConfigurationApi
{
    public static IEndpointRouteBuilder MapLoopConfigurationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapPersonalizerGroup("Configuration");
        api.MapGet("/configurations/service", GetServiceConfiguration).WithName("ServiceConfiguration_Get")
            .Produces<ServiceConfigurationContract>();
        api.MapPut("/configurations/service", UpdateServiceConfiguration).WithName("ServiceConfiguration_Update")
            .WithJsonBody<ServiceConfigurationContract>()
            .Produces<ServiceConfigurationContract>().ProducesApiErrors(StatusCodes.Status400BadRequest);
        api.MapGet("/configurations/policy", GetPolicy).WithName("Policy_Get").Produces<PolicyContract>();
        api.MapPut("/configurations/policy", UpdatePolicy).WithName("Policy_Update")
            .WithJsonBody<PolicyContract>()
            .Produces<PolicyContract>().ProducesApiErrors(StatusCodes.Status400BadRequest);
        api.MapDelete("/configurations/policy", ResetPolicy).WithName("Policy_Reset").Produces<PolicyContract>();
        api.MapDelete("/model", ResetModel).WithName("Model_Reset").Produces(StatusCodes.Status204NoContent);
        return app;
    }

    public static IResult GetServiceConfiguration(HttpContext http) => GetServiceConfigurationOf(http.Loop());

    public static async Task<IResult> UpdateServiceConfiguration(HttpContext http, LoopSettingsService settings, LoopDirectory loops, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, LoopsJsonContext.Default.ServiceConfigurationContract,
            ApiErrorCodes.InvalidServiceConfiguration, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var loop = http.Loop();
        var (updated, error) = ServiceConfigurationMapper.FromContract(body.Value!, loop.Settings);
        if (error is not null) return ApiResults.BadRequest(ApiErrorCodes.InvalidServiceConfiguration, error);

        var outcome = await settings.UpdateSettingsAsync(loop.Id, updated!, Actor.LoopKey(loop.Id), ct);
        if (!outcome.Succeeded) return ApiResults.BadRequest(ApiErrorCodes.InvalidServiceConfiguration, outcome.Error!);
        return GetServiceConfigurationOf(loops.Find(loop.Id)!);
    }

    public static IResult GetPolicy(HttpContext http) => PolicyOf(http.Loop());

    public static async Task<IResult> UpdatePolicy(HttpContext http, LoopSettingsService settings, LoopDirectory loops, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, LoopsJsonContext.Default.PolicyContract,
            ApiErrorCodes.InvalidPolicyContract, keepRaw: false, ct);
        if (body.Error is not null) return body.Error;
        var loop = http.Loop();
        var outcome = await settings.UpdatePolicyAsync(loop.Id, body.Value!.Name ?? "", body.Value.Arguments ?? "", Actor.LoopKey(loop.Id), ct);
        if (!outcome.Succeeded) return ApiResults.BadRequest(ApiErrorCodes.InvalidPolicyConfiguration, outcome.Error!);
        return PolicyOf(loops.Find(loop.Id)!);
    }

    public static async Task<IResult> ResetPolicy(HttpContext http, LoopSettingsService settings, LoopDirectory loops, CancellationToken ct)
    {
        var loop = http.Loop();
        var outcome = await settings.UpdatePolicyAsync(loop.Id, "Portal default", Learning.PolicyParser.PortalDefault, Actor.LoopKey(loop.Id), ct);
        if (!outcome.Succeeded) return ApiResults.BadRequest(ApiErrorCodes.InvalidPolicyConfiguration, outcome.Error!);
        return PolicyOf(loops.Find(loop.Id)!);
    }

    public static async Task<IResult> ResetModel(HttpContext http, LoopSettingsService settings, CancellationToken ct)
    {
        var loopId = http.Loop().Id;
        await settings.ResetModelAsync(loopId, Actor.LoopKey(loopId), ct);
        return TypedResults.NoContent();
    }

    private static IResult GetServiceConfigurationOf(LoopRuntime loop) =>
        TypedResults.Json(ServiceConfigurationMapper.ToContract(loop.Settings), LoopsJsonContext.Default.ServiceConfigurationContract);

    private static IResult PolicyOf(LoopRuntime loop) =>
        TypedResults.Json(new PolicyContract(loop.PolicyName, loop.Policy.Arguments), LoopsJsonContext.Default.PolicyContract);
}
