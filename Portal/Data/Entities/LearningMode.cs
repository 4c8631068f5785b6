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

/// <summary>A mode as the decision log stores it: its name.</summary>
public static class StoredLearningMode
{
    /// <summary>The mode named by UTF-8 text as stored; the usual names without a string or a parse.</summary>
    public static LearningMode Parse(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("Online"u8) ? LearningMode.Online
        : name.SequenceEqual("Apprentice"u8) ? LearningMode.Apprentice
        : Enum.Parse<LearningMode>(System.Text.Encoding.UTF8.GetString(name));
}
