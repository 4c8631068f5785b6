using Portal.Features.Decisions.LogExport;

namespace Portal.Features.Evaluation.Logs;

/// <summary>
/// One logged decision as the evaluation reads it. Actions are the ranking's K candidates in the order the request
/// sent them, so index 0 is the first candidate (normally the baseline). <see cref="LoggingDistribution"/> is what the
/// logging policy gave each of them; <see cref="ChosenProbability"/> is the probability logged with the choice (what
/// the trainer weights by). <see cref="Source"/> keeps the request's features for policies that score it themselves.
/// </summary>
public sealed record EvaluatedDecision(
    long Seq,
    int ChosenIndex,
    double ChosenProbability,
    double[] LoggingDistribution,
    int BaselineIndex,
    double Reward,
    ExportedDecision? Source = null)
{
    public int ActionCount => LoggingDistribution.Length;
}
