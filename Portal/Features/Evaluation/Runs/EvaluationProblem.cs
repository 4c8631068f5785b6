using Portal.Infrastructure.Errors;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// Why an evaluation cannot be created or used: Personalizer's error code, the HTTP status the API answers with, the
/// field at fault (so the page shows the message beside it) and the message.
/// </summary>
public sealed record EvaluationProblem(int Status, string Code, string Field, string Message)
{
    public const string InvalidEvaluationContract = "InvalidEvaluationContract";
    public const string DuplicateCustomPolicyNames = "DuplicateCustomPolicyNames";
    public const string EvaluationAlreadyExists = "EvaluationAlreadyExists";
    public const string EvaluationNotFound = "EvaluationNotFound";
    public const string LearningSettingsNotFound = "LearningSettingsNotFound";

    public static EvaluationProblem Invalid(string field, string message) => new(400, InvalidEvaluationContract, field, message);

    public static EvaluationProblem NotFound(string id) =>
        new(404, EvaluationNotFound, "evaluationId", $"Offline evaluation '{id}' was not found.");

    public static EvaluationProblem LoopNotFound(string loopId) =>
        new(404, ApiErrorCodes.ResourceNotFound, "loop", $"Loop '{loopId}' does not exist (it may have been deleted).");
}
