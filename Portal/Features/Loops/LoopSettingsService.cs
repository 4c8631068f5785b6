using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Infrastructure.Security;

namespace Portal.Features.Loops;

/// <summary>
/// Changes a loop's service configuration and learning policy (policy <see cref="PortalPolicies.ManageLoops"/>, or the
/// loop's own key): validate, persist with an audit entry, then publish to the directory that Rank reads. Settings
/// changes keep the learned model; a policy that would discard it needs a reset first.
/// </summary>
public sealed class LoopSettingsService(
    ServingChanges changes,
    ActorAuthorization authorization,
    LoopDirectory directory,
    ModelResetService models)
{
    public sealed record Outcome(bool Found, string? Error)
    {
        public static Outcome Ok { get; } = new(true, null);
        public static Outcome NotFound { get; } = new(false, "No such loop.");
        public bool Succeeded => Found && Error is null;
    }

    public async Task<Outcome> UpdateSettingsAsync(string loopId, LoopSettings settings, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, loopId);
        if (ServiceConfigurationMapper.Validate(settings) is { } error) return new Outcome(true, error);
        return await SaveAsync(loopId, actor, loop =>
        {
            var before = loop.Settings;
            loop.Settings = settings;
            return new AuditRecord("loop.settings", "loop", loopId, loopId, AuditRecord.Json(before), AuditRecord.Json(settings));
        }, directory.ReloadAsync, ct);
    }

    public async Task<Outcome> UpdatePolicyAsync(string loopId, string name, string arguments, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, loopId);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256) return new Outcome(true, "name is required (at most 256 characters).");
        if (arguments.Length > 1024) return new Outcome(true, "arguments is longer than 1024 characters.");
        if (!PolicyParser.TryParse(arguments, out var policy, out var parseError)) return new Outcome(true, parseError);
        if (directory.Find(loopId) is not { } current) return Outcome.NotFound;

        var startsNewModel = !SameModel(current.Policy, policy);
        var learned = models.ExamplesLearned(loopId);
        if (learned > 0 && startsNewModel)
        {
            return new Outcome(true,
                $"The model of this loop has learned from {learned:N0} events and a new policy starts a new model. " +
                "Reset the model first (DELETE /personalizer/v1.0/model, or Reset model in the portal), then set the policy.");
        }
        return await SaveAsync(loopId, actor, loop =>
        {
            var before = AuditRecord.Json(new { name = loop.PolicyName, arguments = loop.PolicyArguments });
            loop.PolicyName = name;
            loop.PolicyArguments = arguments;
            return new AuditRecord("loop.policy", "loop", loopId, loopId, before, AuditRecord.Json(new { name, arguments }));
        }, async token =>
        {
            await directory.ReloadAsync(token);
            if (startsNewModel) await models.StartNewModelAsync(loopId, policy, token);
        }, ct);
    }

    /// <summary>Rank takes ε from the loop's explorationPercentage, so a different --epsilon alone keeps the model.</summary>
    private static bool SameModel(LearnerPolicy a, LearnerPolicy b) => (a with { Epsilon = 0 }).Equals(b with { Epsilon = 0 });

    /// <summary>Resets what the model has learned, keeping the policy. Explicit and confirmed by the caller.</summary>
    public async Task<Outcome> ResetModelAsync(string loopId, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ManageLoops, loopId);
        if (directory.Find(loopId) is not { } loop) return Outcome.NotFound;
        await models.ResetAsync(loopId, loop.Policy, actor, ct);
        return Outcome.Ok;
    }

    private Task<Outcome> SaveAsync(string loopId, Actor actor, Func<Loop, AuditRecord> change, Func<CancellationToken, Task> publish,
        CancellationToken ct) =>
        changes.ApplyAsync(actor, async db =>
            await db.Loops.FindAsync([loopId], ct) is { } loop
                ? AuditedChange<Outcome>.Made(Outcome.Ok, change(loop))
                : AuditedChange<Outcome>.Refused(Outcome.NotFound), publish, ct);
}
