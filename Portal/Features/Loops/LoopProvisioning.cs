using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Learning;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Security;

namespace Portal.Features.Loops;

/// <summary>
/// Creates loops and rotates their API keys (policy <see cref="PortalPolicies.Administer"/>). A new key is returned once
/// and only its hash is stored.
/// </summary>
public sealed partial class LoopProvisioning(
    IDbContextFactory<PortalDbContext> dbFactory,
    LoopDirectory directory,
    AuditTrail audit,
    ActorAuthorization authorization,
    SharedStateChanges cluster,
    TimeProvider clock)
{
    public sealed record Created(string? LoopId, string? ApiKey, string? Error);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex LoopIdPattern();

    public static string? ValidateId(string? id) =>
        id is not null && LoopIdPattern().IsMatch(id)
            ? null
            : $"The loop id must be 1 to {LoopConfiguration.IdMaxLength} lowercase letters, digits or dashes, not starting or ending with a dash.";

    public async Task<Created> CreateAsync(string id, string name, LoopSettings settings, string? apiKey, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        if (ValidateId(id) is { } idError) return new Created(null, null, idError);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) return new Created(null, null, "The name is required (at most 200 characters).");
        if (ServiceConfigurationMapper.Validate(settings) is { } settingsError) return new Created(null, null, settingsError);

        var key = apiKey ?? ApiKeys.Generate();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Loops.AnyAsync(l => l.Id == id, ct)) return new Created(null, null, $"A loop with the id '{id}' already exists.");
            var now = clock.GetUtcNow();
            var loop = new Loop
            {
                Id = id,
                Name = name.Trim(),
                ApiKeyHash = ApiKeys.Hash(key),
                ApiKeyHint = ApiKeys.Hint(key),
                KeyCreatedAt = now,
                CreatedAt = now,
                Settings = settings,
                PolicyArguments = PolicyParser.PortalDefault,
            };
            db.Loops.Add(loop);
            await audit.AppendAsync(db, actor, new AuditRecord("loop.create", "loop", id, id,
                After: AuditRecord.Json(new { loop.Name, keyHint = loop.ApiKeyHint, loop.Settings, loop.PolicyArguments })), ct);
            await db.SaveChangesAsync(ct);
            await cluster.StampAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        await directory.ReloadAsync(ct);
        cluster.Announce();
        return new Created(id, key, null);
    }

    /// <summary>Replaces the loop's key; the old key stops working at once. Returns the new key, or null if there is no such loop.</summary>
    public async Task<string?> RotateKeyAsync(string loopId, string? newKey, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        var key = newKey ?? ApiKeys.Generate();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var loop = await db.Loops.FindAsync([loopId], ct);
            if (loop is null) return null;
            var before = AuditRecord.Json(new { keyHint = loop.ApiKeyHint, loop.KeyCreatedAt });
            loop.ApiKeyHash = ApiKeys.Hash(key);
            loop.ApiKeyHint = ApiKeys.Hint(key);
            loop.KeyCreatedAt = clock.GetUtcNow();
            await audit.AppendAsync(db, actor, new AuditRecord("loop.key.rotate", "loop", loopId, loopId, before,
                AuditRecord.Json(new { keyHint = loop.ApiKeyHint, loop.KeyCreatedAt })), ct);
            await db.SaveChangesAsync(ct);
            await cluster.StampAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        await directory.ReloadAsync(ct);
        cluster.Announce();
        return key;
    }
}
