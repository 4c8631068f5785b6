using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Configurations;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Learning;
using Portal.Infrastructure.Security;

namespace Portal.Features.Loops;

/// <summary>
/// Creates loops and rotates their API keys (policy <see cref="PortalPolicies.Administer"/>). A new key is returned once
/// and only its hash is stored.
/// </summary>
public sealed partial class LoopProvisioning(
    ServingChanges changes,
    LoopDirectory directory,
    ActorAuthorization authorization,
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
        return await changes.ApplyAsync(actor, async db =>
        {
            if (await db.Loops.AnyAsync(l => l.Id == id, ct))
                return AuditedChange<Created>.Refused(new Created(null, null, $"A loop with the id '{id}' already exists."));
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
            return AuditedChange<Created>.Made(new Created(id, key, null), new AuditRecord("loop.create", "loop", id, id,
                After: AuditRecord.Json(new { loop.Name, keyHint = loop.ApiKeyHint, loop.Settings, loop.PolicyArguments })));
        }, directory.ReloadAsync, ct);
    }

    /// <summary>Replaces the loop's key; the old key stops working at once. Returns the new key, or null if there is no such loop.</summary>
    public async Task<string?> RotateKeyAsync(string loopId, string? newKey, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        var key = newKey ?? ApiKeys.Generate();
        return await changes.ApplyAsync(actor, async db =>
        {
            var loop = await db.Loops.FindAsync([loopId], ct);
            if (loop is null) return AuditedChange<string?>.Refused(null);
            var before = AuditRecord.Json(new { keyHint = loop.ApiKeyHint, loop.KeyCreatedAt });
            loop.ApiKeyHash = ApiKeys.Hash(key);
            loop.ApiKeyHint = ApiKeys.Hint(key);
            loop.KeyCreatedAt = clock.GetUtcNow();
            return AuditedChange<string?>.Made(key, new AuditRecord("loop.key.rotate", "loop", loopId, loopId, before,
                AuditRecord.Json(new { keyHint = loop.ApiKeyHint, loop.KeyCreatedAt })));
        }, directory.ReloadAsync, ct);
    }
}
