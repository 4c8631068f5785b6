namespace Portal.Infrastructure.Cluster;

/// <summary>
/// What a shared-state change concerns; each has its own version row (<see cref="Data.Entities.SharedStateVersion"/>, its
/// id the value here),
/// so that a node reloads only what moved (an opt-out does not reload the control state, and the reverse).
/// </summary>
public enum SharedTopic
{
    /// <summary>What Rank obeys: control state (freezes, switches, modes, rules, go-live), the loop directory, segments.</summary>
    Serving = 1,

    /// <summary>Opt-outs added to the registry: the other nodes read the rows added since the last they applied.</summary>
    OptOuts = 2,

    /// <summary>Opt-outs removed from the registry (an opt-in, an erasure): the other nodes load it whole again.</summary>
    OptOutRemovals = 3,
}
