namespace Portal.Data.Entities;

/// <summary>A mode as the decision log stores it: its name.</summary>
public static class StoredLearningMode
{
    /// <summary>The mode named by UTF-8 text as stored; the usual names without a string or a parse.</summary>
    public static LearningMode Parse(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("Online"u8) ? LearningMode.Online
        : name.SequenceEqual("Apprentice"u8) ? LearningMode.Apprentice
        : Enum.Parse<LearningMode>(System.Text.Encoding.UTF8.GetString(name));
}
