using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Postgres;

/// <summary>
/// The same model as <see cref="PortalDbContext"/> on PostgreSQL. A type of its own so that its migrations
/// (<c>Data/Postgres/Migrations</c>) are kept apart from SQLite's (EF Core's pattern for several providers); every
/// service still asks for <see cref="PortalDbContext"/>.
/// </summary>
/// <remarks>
/// Tables and columns are named in lower case here: PostgreSQL folds an unquoted name to lower case, so the raw SQL of
/// the hot paths (the log writer, the intake writer, the purge) reads the same on both engines without quoting.
/// </remarks>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Types stored inside a JSON column (Identity's passkey data) keep their JSON property names.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => !e.IsMappedToJson()))
        {
            if (entity.GetTableName() is { } table) entity.SetTableName(table.ToLowerInvariant());
            foreach (var property in entity.GetProperties()) property.SetColumnName(property.GetColumnName().ToLowerInvariant());
        }
    }
}
