namespace Portal.Features.Privacy;

/// <summary>
/// Data another feature keeps about a user's decisions that must go when the user opts out of personalization in a
/// loop ("nothing about you is kept"): <see cref="OptOutRegistry"/> asks every registered one once the opt-out is
/// stored, so Privacy needs to know none of those features.
/// </summary>
public interface IForgetOnOptOut
{
    /// <param name="userHash">The keyed hash of the user id, hex (<see cref="UserIds.ToHex"/>), as the registry keeps it.</param>
    Task ForgetAsync(string loopId, string userHash, CancellationToken ct);
}
