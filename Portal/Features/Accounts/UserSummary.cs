namespace Portal.Features.Accounts;

public sealed record UserSummary(string Id, string Email, IReadOnlyList<string> Roles, bool IsLocked, DateTimeOffset? LockedUntil);
