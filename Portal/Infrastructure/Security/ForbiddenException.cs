namespace Portal.Infrastructure.Security;

/// <summary>
/// A service refused a change because its actor does not hold the policy it needs. APIs answer 403 in Personalizer's
/// error shape; pages show <see cref="Exception.Message"/>. Nothing was stored.
/// </summary>
public sealed class ForbiddenException(string policy, string actorName)
    : Exception($"{actorName} is not allowed to {PortalPolicies.Describe(policy)}.")
{
    /// <summary>The policy the change needs (one of <see cref="PortalPolicies"/>).</summary>
    public string Policy { get; } = policy;
}
