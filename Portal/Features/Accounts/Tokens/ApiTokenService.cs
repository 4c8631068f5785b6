using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accounts.Tokens;

/// <summary>A person's own API tokens: create (shown once), list, revoke; each change audited.</summary>
public sealed class ApiTokenService(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxTokensPerUser = 20;

    public sealed record TokenSummary(long Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public sealed record Created(string? Token, string? Error);

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new TokenSummary(t.Id, t.Name, t.TokenHint, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
    }

    /// <param name="token">A given token (the administrator's seeded one); null generates one.</param>
    public async Task<Created> CreateAsync(Actor owner, string? name, CancellationToken ct, string? token = null)
    {
        if (owner.UserId is null) return new Created(null, "Only a person can own an API token.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength) return new Created(null, $"Give the token a name (at most {MaxNameLength} characters), e.g. the script that uses it.");
        token ??= ApiTokenSecrets.Generate();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.ApiTokens.CountAsync(t => t.UserId == owner.UserId && t.RevokedAt == null, ct) >= MaxTokensPerUser)
            return new Created(null, $"You have {MaxTokensPerUser} active tokens: revoke one first.");
        var row = new ApiToken
        {
            UserId = owner.UserId, Name = name.Trim(), TokenHash = ApiTokenSecrets.Hash(token), TokenHint = ApiTokenSecrets.Hint(token),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiTokens.Add(row);
        await audit.AppendAsync(db, owner, new AuditRecord("api-token.create", "user", owner.UserId,
            After: AuditRecord.Json(new { row.Name, hint = row.TokenHint })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Created(token, null);
    }

    /// <summary>Revokes one of the owner's tokens; it stops working at its next use.</summary>
    public async Task<string?> RevokeAsync(Actor owner, long tokenId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == owner.UserId, ct);
        if (row is null) return "No such token of yours.";
        if (row.RevokedAt is not null) return "The token is revoked already.";
        row.RevokedAt = clock.GetUtcNow();
        await audit.AppendAsync(db, owner, new AuditRecord("api-token.revoke", "user", owner.UserId!,
            Before: AuditRecord.Json(new { row.Name, hint = row.TokenHint })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
