namespace Portal.Features.Learning;

/// <summary>
/// ε-greedy over scores (higher is better): ε spread uniformly over the eligible actions, 1 − ε split equally among
/// the tied best; excluded actions get 0. Sampling draws one uniform number from the seed.
/// </summary>
internal static class EpsilonGreedy
{
    /// <summary>Fills the distribution and returns how many actions are tied best.</summary>
    public static int Fill(ReadOnlySpan<double> scores, ReadOnlySpan<bool> excluded, double epsilon, Span<double> probabilities)
    {
        var best = double.NegativeInfinity;
        int eligible = 0, ties = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (IsExcluded(excluded, i)) continue;
            eligible++;
            if (scores[i] > best) { best = scores[i]; ties = 1; }
            else if (scores[i] == best) ties++;
        }

        if (eligible == 0) throw new ArgumentException("At least one action must not be excluded.", nameof(excluded));
        var explore = epsilon / eligible;
        var exploit = (1 - epsilon) / ties;
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = IsExcluded(excluded, i) ? 0 : explore + (scores[i] == best ? exploit : 0);
        }

        return ties;
    }

    public static int Sample(ReadOnlySpan<double> probabilities, ulong seed)
    {
        var draw = new SplitMix64(seed).NextDouble();
        var total = 0.0;
        foreach (var p in probabilities) total += p;
        draw *= total;
        var last = -1;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] <= 0) continue;
            last = i;
            draw -= probabilities[i];
            if (draw < 0) return i;
        }

        return last;
    }

    public static bool IsExcluded(ReadOnlySpan<bool> excluded, int i) => i < excluded.Length && excluded[i];
}
