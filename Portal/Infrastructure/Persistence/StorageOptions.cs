using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Persistence;

/// <summary>Where Portal keeps its SQLite database and model files (<c>Portal:DataDirectory</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Portal";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Portal:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string DatabasePath => Path.Combine(FullDataDirectory, "portal.db");

    public string ModelDirectory => Path.Combine(FullDataDirectory, "models");
}
