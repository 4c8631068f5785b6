using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Audit;

/// <summary>The audit log: every change writes a chained entry in its own transaction; tampering is found.</summary>
public sealed class AuditTrailTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Alice = TestActors.Admin("alice-id", "alice@test.local");

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_change_writes_who_what_before_and_after_and_the_chain_verifies()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var before = Service<LoopDirectory>().Find(loopId)!.Settings;

        var outcome = await Service<LoopSettingsService>().UpdateSettingsAsync(loopId, before with { DefaultReward = 0.25 }, Alice, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var entry = (await Service<AuditQueries>().FindAsync(new AuditFilter(LoopId: loopId, Action: "loop.settings"), 0, 10, CancellationToken.None)).Entries.Single();
        Assert.Equal("alice@test.local", entry.ActorName);
        Assert.Equal("alice-id", entry.ActorId);
        Assert.Contains("\"defaultReward\":0,", entry.Before);
        Assert.Contains("\"defaultReward\":0.25,", entry.After);
        Assert.True((await Service<AuditVerifier>().VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task A_refused_change_writes_no_entry()
    {
        var countBefore = await CountAsync();

        var result = await Service<UserAdministration>().SetRolesAsync("no-such-user", [PortalRoles.ProductOwner], Alice, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(countBefore, await CountAsync());
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        await factory.CreateLoopAsync();
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Reason = 'edited'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
    }

    [Fact]
    public async Task Concurrent_changes_keep_one_unbroken_chain()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var settings = Service<LoopSettingsService>();
        var start = Service<LoopDirectory>().Find(loopId)!.Settings;

        await Task.WhenAll(Enumerable.Range(1, 16).Select(i =>
            settings.UpdateSettingsAsync(loopId, start with { DefaultReward = i / 100.0 }, Alice, CancellationToken.None)));

        var result = await Service<AuditVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(result.Intact, result.Message);
        Assert.Equal(16, (await Service<AuditQueries>().FindAsync(new AuditFilter(LoopId: loopId, Action: "loop.settings"), 0, 100, CancellationToken.None)).Total);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.CountAsync();
    }
}

/// <summary>Tampering needs a database of its own: the triggers are dropped to play the attacker.</summary>
public sealed class AuditTamperingTests : IAsyncLifetime
{
    private readonly PortalAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_edited_entry_is_named_by_verify()
    {
        var entries = await WriteEntriesAsync(4);
        var victim = entries[1];

        await TamperAsync($"UPDATE AuditEntries SET Reason = 'nothing to see' WHERE Seq = {victim}");

        var result = await factory.Services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        Assert.Equal(victim, result.FirstBrokenSeq);
        Assert.Contains($"Entry {victim} was changed", result.Message);
    }

    [Fact]
    public async Task A_removed_entry_breaks_the_chain_at_the_next_one()
    {
        var entries = await WriteEntriesAsync(4);

        await TamperAsync($"DELETE FROM AuditEntries WHERE Seq = {entries[1]}");

        var result = await factory.Services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        Assert.Equal(entries[2], result.FirstBrokenSeq);
    }

    private async Task<long[]> WriteEntriesAsync(int count)
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var provisioning = factory.Services.GetRequiredService<LoopProvisioning>();
        for (var i = 0; i < count; i++) await provisioning.RotateKeyAsync(loopId, null, TestActors.Admin("bob", "bob@test.local"), CancellationToken.None);
        var page = await factory.Services.GetRequiredService<AuditQueries>()
            .FindAsync(new AuditFilter(LoopId: loopId, Action: "loop.key.rotate"), 0, 100, CancellationToken.None);
        Assert.True((await factory.Services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None)).Intact);
        return page.Entries.Select(e => e.Seq).Order().ToArray();
    }

    private async Task TamperAsync(string sql)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate; DROP TRIGGER AuditEntries_NoDelete;");
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public Task DisposeAsync()
    {
        factory.Dispose();
        return Task.CompletedTask;
    }
}
