using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Learning.Models;

/// <summary>A model reset and its audit entry: one exists only with the other, and Rank sees the new model only after both.</summary>
public sealed class ModelResetServiceTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Paula = TestActors.Person("paula-id", "paula@test.local", PortalRoles.ProductOwner);

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_reset_is_audited_and_the_next_rank_is_served_by_the_new_empty_model()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var loop = Service<LoopDirectory>().Find(loopId)!;
        var before = loop.Model.Current;

        await Service<ModelResetService>().ResetAsync(loopId, loop.Policy, Paula, CancellationToken.None);

        Assert.NotSame(before, loop.Model.Current);
        Assert.Equal(0, loop.Model.Current.ExamplesLearned);
        Assert.Equal(1, await ResetEntriesAsync(loopId));
    }

    [Fact]
    public async Task A_reset_whose_model_cannot_be_written_leaves_no_audit_entry_and_the_old_model_serving()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var loop = Service<LoopDirectory>().Find(loopId)!;
        var before = loop.Model.Current;
        // A folder where the new model file would be written: the write fails.
        var models = Service<IOptions<StorageOptions>>().Value.ModelDirectory;
        Directory.CreateDirectory(Path.Combine(models, loopId + ".model.tmp"));

        await Assert.ThrowsAnyAsync<SystemException>(() =>
            Service<ModelResetService>().ResetAsync(loopId, loop.Policy, Paula, CancellationToken.None));

        Assert.Same(before, loop.Model.Current);
        Assert.Equal(0, await ResetEntriesAsync(loopId));
    }

    [Fact]
    public async Task A_reset_by_someone_who_may_not_manage_loops_is_refused_unaudited()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var loop = Service<LoopDirectory>().Find(loopId)!;
        var before = loop.Model.Current;
        var reviewer = TestActors.Person("rita-id", "rita@test.local", PortalRoles.ComplianceReviewer);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Service<LoopSettingsService>().ResetModelAsync(loopId, reviewer, CancellationToken.None));

        Assert.Same(before, loop.Model.Current);
        Assert.Equal(0, await ResetEntriesAsync(loopId));
    }

    private async Task<int> ResetEntriesAsync(string loopId)
    {
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.CountAsync(e => e.Action == "loop.model.reset" && e.LoopId == loopId);
    }
}
