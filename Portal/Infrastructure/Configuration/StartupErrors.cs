using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Configuration;

public static class StartupErrors
{
    /// <summary>
    /// Runs the app; a configuration mistake ends the start with one plain message naming the setting
    /// (and exit code 1) instead of a stack trace.
    /// </summary>
    public static int RunOrExplain(this WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception error) when (ConfigurationProblems(error).ToList() is { Count: > 0 } problems)
        {
            Console.Error.WriteLine("Portal did not start: the configuration (appsettings.json or environment variables) has errors:");
            foreach (var problem in problems) Console.Error.WriteLine($"  - {problem}");
            return 1;
        }
    }

    /// <summary>"DataAnnotation validation failed for 'X' members: 'Y' with the error: 'Portal:… must be …'." → the quoted sentence.</summary>
    private static string Sentence(string failure)
    {
        const string marker = "with the error: '";
        var start = failure.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? failure : failure[(start + marker.Length)..].TrimEnd('.').TrimEnd('\'');
    }

    private static IEnumerable<string> ConfigurationProblems(Exception error) => error switch
    {
        AggregateException all => all.InnerExceptions.SelectMany(ConfigurationProblems),
        OptionsValidationException invalid => invalid.Failures.Select(Sentence),
        Persistence.DatabaseUnreachableException unreachable => [unreachable.Message],
        Cluster.RedisUnreachableException unreachable => [unreachable.Message],
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [m],
        _ when error.InnerException is { } inner => ConfigurationProblems(inner),
        _ => [],
    };
}
