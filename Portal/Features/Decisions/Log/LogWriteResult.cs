namespace Portal.Features.Decisions.Log;

public enum LogWriteResult
{
    /// <summary>Committed to disk.</summary>
    Committed,

    /// <summary>A decision with this eventId already exists in the loop; nothing was written.</summary>
    DuplicateEvent,

    /// <summary>No decision with this eventId exists in the loop; nothing was written.</summary>
    UnknownEvent,
}
