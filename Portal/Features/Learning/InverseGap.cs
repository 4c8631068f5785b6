namespace Portal.Features.Learning;

/// <summary>
/// ε-greedy whose ε mass follows SquareCB's inverse-gap weights instead of a uniform spread: action a gets
/// ε · w_a / Σw with w_a = 1 / (K + γ · (best − score_a)), plus (1 − ε) / ties when it is a best action.
/// Every eligible action keeps a positive probability; the greedy share stays exactly 1 − ε.
/// </summary>
internal static class InverseGap
{
    public static void Fill(ReadOnlySpan<double> scores, ReadOnlySpan<bool> excluded, double epsilon, double gamma, Span<double> probabilities)
    {
        var best = double.NegativeInfinity;
        int eligible = 0, ties = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (EpsilonGreedy.IsExcluded(excluded, i)) continue;
            eligible++;
            if (scores[i] > best) { best = scores[i]; ties = 1; }
            else if (scores[i] == best) ties++;
        }

        if (eligible == 0) throw new ArgumentException("At least one action must not be excluded.", nameof(excluded));
        var total = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = EpsilonGreedy.IsExcluded(excluded, i) ? 0 : 1.0 / (eligible + gamma * (best - scores[i]));
            total += probabilities[i];
        }

        var exploit = (1 - epsilon) / ties;
        for (var i = 0; i < scores.Length; i++)
        {
            if (EpsilonGreedy.IsExcluded(excluded, i)) continue;
            probabilities[i] = epsilon * probabilities[i] / total + (scores[i] == best ? exploit : 0);
        }
    }
}
