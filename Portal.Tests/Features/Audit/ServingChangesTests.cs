using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Audit;

/// <summary>The one path of serving-affecting writes: change and audit entry commit together, and only then is it published.</summary>
public sealed class ServingChangesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Olivia = TestActors.Admin("olivia-id", "olivia@test.local");

    private ServingChanges Changes => factory.Services.GetRequiredService<ServingChanges>();

    [Fact]
    public async Task A_failure_while_persisting_leaves_neither_the_change_nor_its_audit_entry_and_publishes_nothing()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var published = false;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Changes.ApplyAsync<bool>(Olivia, async db =>
        {
            db.LoopControls.Add(new LoopControl { Scope = loopId, KillSwitchOn = true, KillSwitchReason = "half done" });
            await db.SaveChangesAsync();
            throw new InvalidOperationException("The disk is full.");
        }, _ => Task.FromResult(published = true), CancellationToken.None));

        Assert.False(published);
        await using var db = await DbAsync();
        Assert.False(await db.LoopControls.AnyAsync(c => c.Scope == loopId));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.LoopId == loopId && e.ActorName == Olivia.Name));
    }

    [Fact]
    public async Task A_change_that_fails_to_commit_with_its_audit_entry_leaves_neither_and_publishes_nothing()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var published = false;

        // A second loop under the same id: the database refuses it only when the change and its audit entry are saved.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Changes.ApplyAsync(Olivia, db =>
        {
            db.LoopControls.Add(new LoopControl { Scope = loopId, KillSwitchOn = true, KillSwitchReason = "with a clash" });
            db.Loops.Add(new Loop { Id = loopId, Name = "clash", ApiKeyHash = "x", ApiKeyHint = "x", PolicyArguments = "" });
            return Task.FromResult(AuditedChange<bool>.Made(true, new AuditRecord("test.change", "loop", loopId, loopId)));
        }, _ => Task.FromResult(published = true), CancellationToken.None));

        Assert.False(published);
        await using var db = await DbAsync();
        Assert.False(await db.LoopControls.AnyAsync(c => c.Scope == loopId));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "test.change" && e.LoopId == loopId));
    }

    [Fact]
    public async Task A_change_is_committed_with_its_audit_entry_before_it_is_published()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        (bool Change, bool Audit)? seenWhenPublished = null;

        var result = await Changes.ApplyAsync(Olivia, db =>
        {
            db.LoopControls.Add(new LoopControl { Scope = loopId, ModelFrozen = true });
            return Task.FromResult(AuditedChange<string>.Made("done", new AuditRecord("test.publish", "loop", loopId, loopId)));
        }, async ct =>
        {
            // Another connection, as Rank's reload uses: it sees only what was committed.
            await using var other = await DbAsync();
            seenWhenPublished = (await other.LoopControls.AnyAsync(c => c.Scope == loopId && c.ModelFrozen, ct),
                await other.AuditEntries.AnyAsync(e => e.Action == "test.publish" && e.LoopId == loopId && e.ActorName == Olivia.Name, ct));
        }, CancellationToken.None);

        Assert.Equal("done", result);
        Assert.Equal((true, true), seenWhenPublished);
    }

    [Fact]
    public async Task A_refused_change_stores_nothing_and_publishes_nothing()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var published = false;

        var result = await Changes.ApplyAsync(Olivia, db =>
        {
            db.LoopControls.Add(new LoopControl { Scope = loopId, KillSwitchOn = true });
            return Task.FromResult(AuditedChange<string>.Refused("already on"));
        }, _ => Task.FromResult(published = true), CancellationToken.None);

        Assert.Equal("already on", result);
        Assert.False(published);
        await using var db = await DbAsync();
        Assert.False(await db.LoopControls.AnyAsync(c => c.Scope == loopId));
    }

    private Task<PortalDbContext> DbAsync() =>
        factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
