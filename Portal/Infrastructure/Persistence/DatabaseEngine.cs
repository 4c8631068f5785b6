using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// What differs between the database engines below the model: how a context and a writer's connection are made, how a
/// writer's transaction begins and is cleaned up after a failure, and what the database needs before its migrations.
/// One instance per process (<see cref="SqliteEngine"/> or <see cref="PostgresEngine"/>, by <c>Portal:Database:Provider</c>).
/// </summary>
public abstract class DatabaseEngine
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Where the data is, for people ("SQLite at /srv/portal/data/portal.db").</summary>
    public abstract string Location { get; }

    /// <summary>A new context of the provider's type (<see cref="PortalDbContext"/> or its PostgreSQL subclass).</summary>
    public abstract PortalDbContext CreateContext();

    /// <summary>The one connection of a group-commit writer, opened and set up.</summary>
    public abstract Task<DbConnection> OpenWriterConnectionAsync(CancellationToken ct);

    /// <summary>Begins a writer's batch: on SQLite it takes the write lock at once (BEGIN IMMEDIATE).</summary>
    public abstract DbTransaction BeginWriteTransaction(DbConnection connection);

    /// <summary>Leaves the writer's connection outside any transaction after a failed batch, whatever the engine did with it.</summary>
    public abstract void EndFailedTransaction(DbConnection connection, ILogger logger);

    /// <summary>Closes a writer's connection for good (not back to the pool), so the next one is opened afresh.</summary>
    public abstract void Discard(DbConnection connection);

    /// <summary>Runs at start-up, before the migrations (SQLite: WAL mode; PostgreSQL: nothing).</summary>
    public abstract Task PrepareAsync(PortalDbContext db, CancellationToken ct);

    /// <summary>
    /// Runs at start-up after the migrations: what the engine's migrations cannot say in EF Core's terms (PostgreSQL:
    /// the audit log's append-only triggers, which SQLite's migration creates in SQL of its own).
    /// </summary>
    public virtual Task AfterMigrationsAsync(PortalDbContext db, CancellationToken ct) => Task.CompletedTask;
}
