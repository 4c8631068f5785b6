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

    private static IEnumerable<string> ConfigurationProblems(Exception error) => error switch
    {
        AggregateException all => all.InnerExceptions.SelectMany(ConfigurationProblems),
        OptionsValidationException invalid => invalid.Failures.Select(f => f.Replace("DataAnnotation validation failed for ", "")),
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [m],
        _ when error.InnerException is { } inner => ConfigurationProblems(inner),
        _ => [],
    };
}
