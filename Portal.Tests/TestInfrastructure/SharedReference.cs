namespace Portal.Tests.TestInfrastructure;

/// <summary>Finds ../shared (beside the repository) from wherever the tests run.</summary>
public static class SharedReference
{
    public static string Folder(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "shared", .. parts]);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"shared/{string.Join('/', parts)} was not found above {AppContext.BaseDirectory}.");
    }
}
