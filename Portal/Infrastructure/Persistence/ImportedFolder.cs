namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A data-folder directory whose files were moved into the database: renamed <c>{folder}.imported</c> (kept, not
/// deleted), or <c>{folder}.imported-{unix ms}</c> when an earlier import already holds that name.
/// </summary>
public static class ImportedFolder
{
    /// <returns>Where the folder now is.</returns>
    public static string SetAside(string folder, TimeProvider clock)
    {
        var kept = folder + ".imported";
        if (Directory.Exists(kept)) kept += $"-{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        Directory.Move(folder, kept);
        return kept;
    }
}
