using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Portal.Infrastructure.Persistence;

/// <summary>Which database engine holds Portal's data (<c>Portal:Database</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file in the data folder (<c>portal.db</c>): one machine, nothing to run beside Portal.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several Portal nodes share it.</summary>
    Postgres,
}

/// <summary>The database engine and, for PostgreSQL, where it is. SQLite needs no connection string: its file lives in the data folder.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Portal:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>An Npgsql connection string (Host, Port, Database, Username, Password). Read only with the Postgres provider.</summary>
    public string ConnectionString { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != DatabaseProvider.Postgres) yield break;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Portal:Database:ConnectionString must be set when Portal:Database:Provider is Postgres.");
            yield break;
        }
        string? problem = null;
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host)) problem = "it names no Host";
            else if (string.IsNullOrWhiteSpace(parsed.Database)) problem = "it names no Database";
        }
        catch (ArgumentException error)
        {
            problem = error.Message;
        }
        if (problem is not null) yield return new ValidationResult($"Portal:Database:ConnectionString is not a PostgreSQL connection string: {problem}.");
    }
}
