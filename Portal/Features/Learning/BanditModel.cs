using Portal.Contracts;
namespace Portal.Features.Learning;

/// <summary>
/// An immutable trained model: shared by many threads without locks. <see cref="Rank"/> allocates nothing
/// (scores live on the stack); <see cref="Explain"/> decomposes a score exactly into its terms.
/// </summary>
public sealed class BanditModel
{
    private const int StackScores = 256;
    private readonly float[] weights;
    private readonly uint mask;
    private readonly int stride;
    private readonly TermWalker walker;

    /// <summary>A model over <paramref name="weights"/>, one weight every <paramref name="stride"/> floats.</summary>
    internal BanditModel(LearnerPolicy policy, long version, float[] weights, long examplesLearned, TermWalker walker, int stride = 1)
    {
        Policy = policy;
        Version = version;
        ExamplesLearned = examplesLearned;
        this.weights = weights;
        this.stride = stride;
        mask = (uint)(weights.Length / stride) - 1;
        this.walker = walker;
    }

    public long Version { get; }
    public LearnerPolicy Policy { get; }

    /// <summary>How many events the learner had seen when this snapshot was taken.</summary>
    public long ExamplesLearned { get; internal set; }

    /// <summary>
    /// Scores every action, fills <paramref name="probabilities"/> (ε-greedy, ties share the greedy mass,
    /// excluded → 0) and samples one action with <paramref name="seed"/> (see <see cref="EventSeed"/>).
    /// <paramref name="excluded"/> may be shorter than the action list (missing entries = not excluded).
    /// </summary>
    public RankOutcome Rank(FeatureSet context, IReadOnlyList<FeatureSet> actions, ReadOnlySpan<bool> excluded, ulong seed, Span<double> probabilities) =>
        Rank(context, actions, excluded, seed, probabilities, Policy.Epsilon);

    /// <summary>
    /// As <see cref="Rank(FeatureSet, IReadOnlyList{FeatureSet}, ReadOnlySpan{bool}, ulong, Span{double})"/>, with the
    /// exploration budget <paramref name="epsilon"/> given by the caller: a loop's explorationPercentage overrides the
    /// policy's <c>--epsilon</c>, as in Personalizer, and can change without a new model.
    /// </summary>
    public RankOutcome Rank(FeatureSet context, IReadOnlyList<FeatureSet> actions, ReadOnlySpan<bool> excluded, ulong seed, Span<double> probabilities, double epsilon)
    {
        if (epsilon is < 0 or > 1 || double.IsNaN(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), "ε must be in [0, 1].");
        var n = actions.Count;
        if (n == 0) throw new ArgumentException("At least one action is needed.", nameof(actions));
        if (probabilities.Length < n) throw new ArgumentException("One probability slot per action is needed.", nameof(probabilities));
        double[]? rented = null;
        Span<double> scores = n <= StackScores ? stackalloc double[n] : (rented = System.Buffers.ArrayPool<double>.Shared.Rent(n));
        scores = scores[..n];
        ScoreAll(context, actions, excluded, scores);
        var distribution = probabilities[..n];
        if (Policy.Exploration == ExplorationKind.InverseGap)
            InverseGap.Fill(scores, excluded, epsilon, Policy.GapScale * Math.Sqrt(ExamplesLearned + 1), distribution);
        else EpsilonGreedy.Fill(scores, excluded, epsilon, distribution);
        var chosen = EpsilonGreedy.Sample(distribution, seed);
        var best = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
            if (!EpsilonGreedy.IsExcluded(excluded, i) && scores[i] > best) best = scores[i];
        var explored = scores[chosen] != best;
        if (rented is not null) System.Buffers.ArrayPool<double>.Shared.Return(rented);
        return new RankOutcome(chosen, explored);
    }

    /// <summary>The model's estimate of the reward of <paramref name="action"/> in <paramref name="context"/>.</summary>
    public double Score(FeatureSet context, FeatureSet action)
    {
        var dot = new DotProduct(weights, mask, stride);
        walker.WalkContext(context, ref dot);
        walker.WalkAction(context, action, ref dot);
        return dot.Sum;
    }

    /// <summary>
    /// Writes the largest contributions (by absolute value) into <paramref name="destination"/>, returns how many.
    /// The sum of all contributions, constant included, equals <see cref="Score"/>.
    /// </summary>
    public int Explain(FeatureSet context, FeatureSet action, Span<FeatureContribution> destination)
    {
        if (destination.IsEmpty) return 0;
        var largest = new LargestContributions(weights, mask, stride, destination.Length);
        walker.WalkContext(context, ref largest);
        walker.WalkAction(context, action, ref largest);
        for (var i = 0; i < largest.Count; i++)
        {
            var (value, first, second) = largest.Terms[i];
            destination[i] = new FeatureContribution(TermName(context, action, first, second), value);
        }
        largest.Release();
        return largest.Count;
    }

    /// <summary>Every term, unsorted (for analytics that aggregate contributions).</summary>
    public IReadOnlyList<FeatureContribution> ExplainAll(FeatureSet context, FeatureSet action)
    {
        var collector = new ContributionCollector(weights, mask, stride);
        walker.WalkContext(context, ref collector);
        walker.WalkAction(context, action, ref collector);
        var result = new FeatureContribution[collector.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var (value, first, second) = collector.Terms[i];
            result[i] = new FeatureContribution(TermName(context, action, first, second), value);
        }

        collector.Release();
        return result;
    }

    private void ScoreAll(FeatureSet context, IReadOnlyList<FeatureSet> actions, ReadOnlySpan<bool> excluded, Span<double> scores)
    {
        var shared = new DotProduct(weights, mask, stride);
        walker.WalkContext(context, ref shared);
        for (var i = 0; i < scores.Length; i++)
        {
            if (EpsilonGreedy.IsExcluded(excluded, i)) { scores[i] = double.NegativeInfinity; continue; }
            var dot = new DotProduct(weights, mask, stride) { Sum = shared.Sum };
            walker.WalkAction(context, actions[i], ref dot);
            scores[i] = dot.Sum;
        }
    }

    private static string TermName(FeatureSet context, FeatureSet action, int first, int second)
    {
        var a = FeatureName(context, action, first);
        return second == TermWalker.None ? a : a + " × " + FeatureName(context, action, second);
    }

    private static string FeatureName(FeatureSet context, FeatureSet action, int id) => id switch
    {
        TermWalker.ConstantId => "(constant)",
        >= 0 => context.NameAt(id),
        _ => action.NameAt(~id),
    };
}
