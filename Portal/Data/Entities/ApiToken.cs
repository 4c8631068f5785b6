namespace Portal.Data.Entities;

/// <summary>A person's token for the oversight API: acts with that person's current roles until revoked.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token, hex; the token itself is shown once.</summary>
    public required string TokenHash { get; set; }
    public required string TokenHint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
