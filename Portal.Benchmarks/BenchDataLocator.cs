namespace Portal.Benchmarks;

/// <summary>Finds <c>shared/bench-data</c> beside the repository: walks up from the current directory.</summary>
public static class BenchDataLocator
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench-data");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("No shared/bench-data folder found above " + Directory.GetCurrentDirectory());
    }

    /// <summary>The repository root: the nearest ancestor holding Portal.sln (for writing LEARNER.md).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}
