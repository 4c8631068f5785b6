using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Features.Learning.Training;

namespace Portal.Features.Loops;

/// <summary>
/// Changes a loop's service configuration and learning policy: validate, persist, then publish to the directory
/// that Rank reads. Settings changes keep the learned model; a policy that would discard it needs a reset first.
/// </summary>
public sealed class LoopSettingsService(
    IDbContextFactory<PortalDbContext> dbFactory,
    LoopDirectory directory,
    ModelResetService models)
{
    public sealed record Outcome(bool Found, string? Error)
    {
        public static Outcome Ok { get; } = new(true, null);
        public static Outcome NotFound { get; } = new(false, "No such loop.");
        public bool Succeeded => Found && Error is null;
    }

    public async Task<Outcome> UpdateSettingsAsync(string loopId, LoopSettings settings, CancellationToken ct)
    {
        if (ServiceConfigurationMapper.Validate(settings) is { } error) return new Outcome(true, error);
        return await SaveAsync(loopId, loop => loop.Settings = settings, ct);
    }

    public async Task<Outcome> UpdatePolicyAsync(string loopId, string name, string arguments, CancellationToken ct)
    {
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
        var outcome = await SaveAsync(loopId, loop => { loop.PolicyName = name; loop.PolicyArguments = arguments; }, ct);
        if (outcome.Succeeded && startsNewModel) await models.ResetAsync(loopId, policy, ct);
        return outcome;
    }

    /// <summary>Rank takes ε from the loop's explorationPercentage, so a different --epsilon alone keeps the model.</summary>
    private static bool SameModel(LearnerPolicy a, LearnerPolicy b) => (a with { Epsilon = 0 }).Equals(b with { Epsilon = 0 });

    /// <summary>Resets what the model has learned, keeping the policy. Explicit and confirmed by the caller.</summary>
    public async Task<Outcome> ResetModelAsync(string loopId, CancellationToken ct)
    {
        if (directory.Find(loopId) is not { } loop) return Outcome.NotFound;
        await models.ResetAsync(loopId, loop.Policy, ct);
        return Outcome.Ok;
    }

    private async Task<Outcome> SaveAsync(string loopId, Action<Loop> change, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var loop = await db.Loops.FindAsync([loopId], ct);
            if (loop is null) return Outcome.NotFound;
            change(loop);
            await db.SaveChangesAsync(ct);
        }
        await directory.ReloadAsync(ct);
        return Outcome.Ok;
    }
}
