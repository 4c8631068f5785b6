using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>
/// Development aid: <c>explore "&lt;policy&gt;" ...</c> prints protocol A and B figures for each policy given,
/// on the shared data plus wine, and on data sets named in EXPLORE_DATA (comma-separated paths without .csv).
/// </summary>
public static class ExploreCommand
{
    public static int Run(string[] policies)
    {
        var dataDir = BenchDataLocator.Find();
        var extra = Environment.GetEnvironmentVariable("EXPLORE_DATA")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var sets = new[] { "digits", "letter", "wine" }.Select(n => Path.Combine(dataDir, n)).Concat(extra)
            .Select(n => ClassificationData.Load(n + ".csv", n + "_perms.csv")).ToArray();
        foreach (var arguments in policies)
        {
            var clock = Stopwatch.StartNew();
            var policy = Configurations.Policy(arguments);
            Console.Write($"{arguments,-90}");
            var news = Statistics.Of(Enumerable.Range(1, 5).Select(s => NewsSimulation.Run(policy, 10_000, s)).ToArray());
            var news2 = Statistics.Of(Enumerable.Range(1, 5).Select(s => NewsSimulation.Run(policy, 10_000, s, 5_000)).ToArray());
            Console.Write($" news {news} v2 {news2}");
            foreach (var data in sets)
            {
                var contexts = data.Features.Select(ClassificationBandit.Context).ToArray();
                var result = Statistics.Of(new[] { 1, 2, 3 }.Select(s => ClassificationBandit.Run(data, policy, s, contexts)).ToArray());
                Console.Write($" {data.Name} {result}");
            }

            Console.WriteLine($" ({clock.Elapsed.TotalSeconds:F1}s)");
        }

        return 0;
    }
}
