namespace Portal.Features.Learning;

/// <summary>How the exploration budget is spent.</summary>
public enum ExplorationKind
{
    /// <summary>ε spread uniformly; 1 − ε split among tied best actions (VW's <c>--cb_explore_adf --epsilon</c>).</summary>
    EpsilonGreedy,
}
