using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Postgres;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Data;

public sealed class MigrationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration for both providers: ./add-migration.sh <Name>");
    }

    /// <summary>PostgreSQL's migrations are compared with the model without a server: a lagging set fails here in every run.</summary>
    [Fact]
    public void The_PostgreSQL_migrations_are_in_step_with_the_model()
    {
        using var db = new PostgresDesignTimeContext().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "PostgreSQL's migrations lag the model: ./add-migration.sh <Name> (or, before any PostgreSQL deployment, ./add-migration.sh --regenerate-postgres)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task The_database_runs_in_WAL_mode_with_synchronous_FULL()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal("2", Pragma(connection, "synchronous"));
    }

    private static string? Pragma(System.Data.Common.DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar()?.ToString();
    }
}

/// <summary>PostgreSQL's migrations applied to an empty database by a real start, and what they cannot say in EF Core's terms.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresMigrationTests(PostgresPortalAppFactory factory) : IClassFixture<PostgresPortalAppFactory>
{
    [Fact]
    public async Task A_start_on_an_empty_database_applies_every_migration()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        Assert.IsType<PostgresPortalDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.True(await db.Loops.AnyAsync(l => l.Id == "demo"));
    }

    [Fact]
    public async Task The_audit_log_refuses_changes_and_deletions_in_the_database_itself()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync());

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "rewritten")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
    }
}
