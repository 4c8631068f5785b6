using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// "Apply this policy": makes a learning policy of a finished run the loop's learning policy, through the same
/// <see cref="LoopSettingsService"/> as the policy API and the settings page (its policy check, audit entry and its refusal
/// of a policy that would silently discard the learned model). The online policy is the current one: nothing changes.
/// </summary>
public sealed class EvaluationPolicyApplier(EvaluationRunQueries queries, LoopSettingsService settings)
{
    public async Task<EvaluationProblem?> ApplyAsync(RunKey run, string? policyName, Actor actor, CancellationToken ct)
    {
        if (await queries.FindAsync(run, ct) is not { } detail) return EvaluationProblem.NotFound(run.Id);
        var candidate = detail.Candidates.FirstOrDefault(c => string.Equals(c.Name, policyName, StringComparison.Ordinal));
        if (candidate is null)
            return new EvaluationProblem(404, EvaluationProblem.LearningSettingsNotFound, "policyName",
                $"Evaluation '{run.Id}' has no policy named '{policyName}'.");
        if (detail.Run.Status != EvaluationRunStatus.Succeeded)
            return new EvaluationProblem(400, "OperationNotAllowed", "evaluationId",
                $"Evaluation '{run.Id}' has not succeeded (it is {detail.Run.Status}): only a finished evaluation's policy can be applied.");
        if (candidate.Kind == CandidateKind.Online) return null;
        if (!candidate.IsApplicable)
            return new EvaluationProblem(400, "OperationNotAllowed", "policyName",
                $"'{candidate.Name}' is not a learning policy: only learning settings can be applied.");

        var outcome = await settings.UpdatePolicyAsync(run.LoopId, candidate.Name, candidate.Arguments ?? "", actor, ct);
        if (!outcome.Found) return EvaluationProblem.LoopNotFound(run.LoopId);
        return outcome.Error is { } error ? new EvaluationProblem(400, Infrastructure.Errors.ApiErrorCodes.InvalidPolicyConfiguration, "policyName", error) : null;
    }
}
