using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability.GoLive;
using Portal.Features.Audit;
using Portal.Features.Oversight;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accountability.GoLive;

/// <summary>
/// Loops that served before go-live reviews existed keep serving: the migration records each as reviewed, and Portal
/// writes the audit entries at its next start (once), as its own action, with the chain intact.
/// </summary>
public sealed class GoLiveMigrationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Existing_loops_are_recorded_as_reviewed_at_migration_audited_once_as_Portals_and_serve_their_model()
    {
        var (loopId, api) = await factory.CreateLoopAsync(goLiveReview: false);
        await ReapplyGoLiveMigrationAsync();
        var audit = factory.Services.GetServices<IHostedService>().OfType<MigratedReviewsAudit>().Single();

        await audit.StartAsync(CancellationToken.None);
        await audit.StartAsync(CancellationToken.None);
        await factory.Services.GetRequiredService<ControlState>().ReloadAsync(CancellationToken.None);

        var review = (await factory.Services.GetRequiredService<GoLiveQueries>().StatusAsync(loopId, CancellationToken.None))!.Current!;
        Assert.Equal((GoLiveReviewSource.Migration, "system", false), (review.Source, review.RecordedByName, review.ChecklistAttested));
        Assert.Equal(GoLiveReviews.MigrationNote, review.Note);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.LoopId == loopId && e.Action == GoLiveReviews.RecordAction);
            Assert.Equal(("system", GoLiveReviews.MigrationNote), (entry.ActorName, entry.Reason));
        }
        Assert.True((await factory.Services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None)).Intact);

        var rank = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()));
        Assert.Equal(HttpStatusCode.Created, rank.StatusCode);
        Assert.True((await rank.ReadJsonAsync()).GetProperty("personalized").GetBoolean());
    }

    /// <summary>Takes the database back to just before the GoLiveReview migration and forward again, as an upgrade would.</summary>
    private async Task ReapplyGoLiveMigrationAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var previous = migrations[migrations.FindIndex(m => m.EndsWith("_GoLiveReview", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(previous);
        await migrator.MigrateAsync();
    }
}
