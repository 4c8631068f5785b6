namespace Portal.Features.Learning;

/// <summary>How the exploration budget is spent.</summary>
public enum ExplorationKind
{
    /// <summary>ε spread uniformly; 1 − ε split among tied best actions (VW's <c>--cb_explore_adf --epsilon</c>).</summary>
    EpsilonGreedy,

    /// <summary>
    /// 1 − ε to the tied best as in ε-greedy; the ε mass is spread in proportion to SquareCB's inverse-gap weights
    /// 1/(K + γ·gap), γ = gap scale · √t, so exploration goes first to actions that may be best. Budget unchanged.
    /// </summary>
    InverseGap,
}
