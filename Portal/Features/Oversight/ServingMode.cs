namespace Portal.Features.Oversight;

/// <summary>How a loop serves and learns, as people choose it in the portal (the kill switch comes on top).</summary>
public enum ServingMode
{
    /// <summary>Serve the model's choice, explore, learn.</summary>
    Online,

    /// <summary>Serve the baseline, learn from it.</summary>
    Apprentice,

    /// <summary>Serve the baseline, learn nothing.</summary>
    LoggingOnly,

    /// <summary>Serve the model as it is, explore, learn nothing.</summary>
    ModelFrozen,
}
