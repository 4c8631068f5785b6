namespace Portal.Features.Learning;

/// <summary>How a logged (action, reward, probability) becomes regression targets (VW's <c>--cb_type</c>).</summary>
public enum CbType
{
    /// <summary>Importance-weighted regression on the chosen action only (weight 1/p). VW's default.</summary>
    Mtr,

    /// <summary>Inverse propensity scoring: every action is regressed, the chosen one on r/p, the others on 0.</summary>
    Ips,

    /// <summary>Doubly robust: every action is regressed on r̂, the chosen one on r̂ + (r − r̂)/p.</summary>
    Dr,

    /// <summary>Direct method: unweighted regression on the chosen action.</summary>
    Dm,
}
