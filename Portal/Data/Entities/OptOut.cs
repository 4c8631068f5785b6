namespace Portal.Data.Entities;

/// <summary>
/// An end user who opted out of personalization in one loop. Only a keyed hash of the application's user id is kept,
/// so the table names nobody to whoever reads it without the key.
/// </summary>
public sealed class OptOut
{
    public long Id { get; set; }
    public required string LoopId { get; set; }

    /// <summary>HMAC-SHA256 of the user id under the installation's key, first 128 bits, as 32 hex digits.</summary>
    public required string UserHash { get; set; }

    public DateTimeOffset OptedOutAt { get; set; }
    public OptOutSource Source { get; set; }
}

/// <summary>Who recorded an opt-out.</summary>
public enum OptOutSource
{
    /// <summary>The end user, on the public opt-out page.</summary>
    Page,

    /// <summary>The application, through the API (loop key or personal token).</summary>
    Api,
}
