namespace Portal.Features.Learning;

/// <summary>
/// The trainer's mutable learner (single-threaded). Each <see cref="Learn"/> call is one event: the chosen action,
/// the probability it was chosen with, and the reward (higher is better). <see cref="Snapshot"/> publishes an
/// immutable <see cref="BanditModel"/>.
/// </summary>
public sealed class OnlineLearner
{
    private readonly TermWalker walker;
    private Regressor regressor;
    private BanditModel? live;

    public OnlineLearner(LearnerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        walker = new TermWalker(policy);
        regressor = NewRegressor();
    }

    public LearnerPolicy Policy { get; }
    public long ExamplesLearned { get; private set; }

    /// <summary>Version of the last snapshot taken (0 before the first).</summary>
    public long Version { get; private set; }

    internal double EventSum { get; set; }
    internal double ActionSum { get; set; }
    internal GradientState State => regressor.State;

    public void Learn(FeatureSet context, IReadOnlyList<FeatureSet> actions, int chosenIndex, double probability, double reward)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentOutOfRangeException.ThrowIfNegative(chosenIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chosenIndex, actions.Count);
        if (!double.IsFinite(reward) || !double.IsFinite(probability)) return;
        var p = (float)Math.Clamp(probability, 1e-6, 1.0);
        EventSum += 1;
        ActionSum += actions.Count;
        ExamplesLearned++;
        switch (Policy.CbType)
        {
            case CbType.Mtr:
                regressor.Learn(context, actions[chosenIndex], (float)reward, (Policy.UnscaledImportance ? 1f : (float)(EventSum / ActionSum)) / p);
                break;
            case CbType.Dm:
                regressor.Learn(context, actions[chosenIndex], (float)reward, 1f);
                break;
            default:
                LearnAllActions(context, actions, chosenIndex, p, (float)reward);
                break;
        }
    }

    /// <summary>A new immutable model; <see cref="Version"/> grows by one per call.</summary>
    public BanditModel Snapshot() => new(Policy, ++Version, State.ExportWeights(), ExamplesLearned, walker);

    /// <summary>
    /// A model reading the learner's live weights (no copy): for single-threaded simulations and benchmarks that
    /// rank and learn in turn. Not immutable; falls back to a snapshot when l1/l2 keep weights in a lazy form.
    /// </summary>
    internal BanditModel LiveView() => State.Gravity == 0 && State.Contraction == 1
        ? Live()
        : Snapshot();

    private BanditModel Live()
    {
        live ??= new BanditModel(Policy, 0, State.Cells, 0, walker, GradientState.Stride);
        live.ExamplesLearned = ExamplesLearned;
        return live;
    }

    /// <summary>Forgets everything learned (weights and statistics); the version keeps counting up.</summary>
    public void Reset()
    {
        regressor = NewRegressor();
        live = null;
        ExamplesLearned = 0;
        EventSum = 0;
        ActionSum = 0;
    }

    public void Save(Stream destination) => ModelFile.Write(this, destination);

    public static OnlineLearner Load(Stream source) => ModelFile.Read(source);

    internal void Restore(long examplesLearned, long version)
    {
        ExamplesLearned = examplesLearned;
        Version = version;
    }

    /// <summary>ips and dr regress every action on its cost-sensitive target (VW's gen_cs_example_ips / _dr).</summary>
    private void LearnAllActions(FeatureSet context, IReadOnlyList<FeatureSet> actions, int chosen, float p, float reward)
    {
        var dr = Policy.CbType == CbType.Dr;
        Span<float> targets = actions.Count <= 256 ? stackalloc float[actions.Count] : new float[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            var estimate = dr ? Math.Clamp(regressor.Predict(context, actions[i]), State.MinLabel, State.MaxLabel) : 0f;
            targets[i] = i == chosen ? estimate + (reward - estimate) / p : estimate;
        }

        for (var i = 0; i < actions.Count; i++) regressor.Learn(context, actions[i], targets[i], 1f);
    }

    private Regressor NewRegressor() =>
        new(Policy, walker, new GradientState(Policy.Bits, Policy.InitialT, Policy.Adaptive));

    internal void ReplaceState(GradientState state)
    {
        regressor = new Regressor(Policy, walker, state);
        live = null;
    }
}
