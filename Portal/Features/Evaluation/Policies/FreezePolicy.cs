using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// The inner policy with some actions frozen: they leave the candidates before the inner policy decides, as
/// <see cref="Oversight.OversightEnforcer"/> removes frozen actions before the model ranks; everything frozen → baseline.
/// </summary>
public sealed class FreezePolicy(IRestrictablePolicy inner, IReadOnlySet<string> frozenIds, LoggedFeatures features) : IRestrictablePolicy
{
    private bool[] removedBuffer = new bool[16];

    public string Name => inner.Name + " + freeze";

    public void Distribution(EvaluatedDecision decision, Span<double> probabilities) => Distribution(decision, [], probabilities);

    public void Distribution(EvaluatedDecision decision, ReadOnlySpan<bool> removed, Span<double> probabilities)
    {
        var k = decision.ActionCount;
        if (removedBuffer.Length < k) removedBuffer = new bool[k * 2];
        var all = removedBuffer.AsSpan(0, k);
        all.Clear();
        removed.CopyTo(all);
        if (features.Read(decision) is { } f)
        {
            for (var j = 0; j < k; j++) all[j] |= frozenIds.Contains(f.ActionIds[f.RequestIndex[j]]);
        }
        inner.Distribution(decision, all, probabilities);
    }

    public void Observe(EvaluatedDecision decision) => inner.Observe(decision);
}
