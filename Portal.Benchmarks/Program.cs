using Portal.Benchmarks;
using Portal.Benchmarks.Insights;
using Portal.Benchmarks.Service;

return args.FirstOrDefault() switch
{
    "learner" => LearnerCommand.Run(args[1..]),
    "micro" => MicroCommand.Run(args[1..]),
    "explore" => ExploreCommand.Run(args[1..]),
    "durability" => await DurabilityCommand.RunAsync(args[1..]),
    "contention" => await ContentionCommand.RunAsync(args[1..]),
    "rank-cost" => await RankCostCommand.RunAsync(args[1..]),
    "insights-bias" => await InsightsBiasCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          dotnet run -c Release --project Portal.Benchmarks -- learner
              protocols A, B and C for P, D and ours, side by side with VW; writes Portal.Benchmarks/LEARNER.md
          dotnet run -c Release --project Portal.Benchmarks -- learner --data <csv> --perms <csv> --seeds 1,2,3 --json <file>
              protocol B on any data set of that format; writes [{"dataset","config","seeds","mean","sd"}]
          dotnet run -c Release --project Portal.Benchmarks -- micro [BenchmarkDotNet args]
              scoring micro-benchmarks (10 actions × 20 features, interactions)
          dotnet run -c Release --project Portal.Benchmarks -- durability [--rounds 20] [--clients 32] [--min-ms 500] [--max-ms 4000]
              Rank at full speed, SIGKILL at a random moment, restart, every acknowledged eventId must be stored (needs a Release build of Portal)
          dotnet run -c Release --project Portal.Benchmarks -- contention [--seconds 30] [--rank 4] [--reward 2] [--settings 2]
              concurrent Rank, Reward and settings-edit writers: responses by status, any "database is locked"
          dotnet run -c Release --project Portal.Benchmarks -- rank-cost [--calls 20000]
              one Rank's in-process stages (parse, validate, features, rank, explain, serialize, insert, learn): µs and bytes each
          dotnet run -c Release --project Portal.Benchmarks -- insights-bias [--decisions 1000000] [--repeats 7] [--data <folder>]
              a fresh database of generated decisions, the aggregator over them, then the bias page's server-side work per window
        """);
    return 2;
}
