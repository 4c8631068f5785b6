namespace Portal.Features.Evaluation;

/// <summary>
/// An evaluation that cannot run as asked. <see cref="Code"/> is the Personalizer error code the API answers with
/// (400), <see cref="Field"/> the request field at fault, so a page can show the message beside it.
/// </summary>
public sealed class EvaluationRequestException(string code, string field, string message) : Exception(message)
{
    public string Code { get; } = code;
    public string Field { get; } = field;
}
