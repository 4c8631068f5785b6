namespace Portal.Infrastructure.Persistence;

/// <summary>The configured database could not be reached at start-up; its message names the setting to check.</summary>
public sealed class DatabaseUnreachableException(string location, Exception inner)
    : Exception($"Portal:Database:ConnectionString: the database cannot be reached ({location}): {inner.GetBaseException().Message}", inner);
