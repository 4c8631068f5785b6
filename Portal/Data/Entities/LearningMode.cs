namespace Portal.Data.Entities;

public enum LearningMode
{
    /// <summary>Serve the model's choice, explore, and learn.</summary>
    Online,

    /// <summary>Serve the baseline (first action) and learn from it.</summary>
    Apprentice,

    /// <summary>Serve the baseline and only log; nothing is learned.</summary>
    LoggingOnly,
}
