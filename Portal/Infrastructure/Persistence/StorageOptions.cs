using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Persistence;

/// <summary>Where Portal keeps its SQLite database and model files (<c>Portal:DataDirectory</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Portal";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Portal:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Empty while DataDirectory is empty, so that validation reports the missing setting instead of throwing.</summary>
    public string FullDataDirectory => string.IsNullOrWhiteSpace(DataDirectory) ? "" : Path.GetFullPath(DataDirectory);

    public string DatabasePath => Path.Combine(FullDataDirectory, "portal.db");

    public string ModelDirectory => Path.Combine(FullDataDirectory, "models");
}
