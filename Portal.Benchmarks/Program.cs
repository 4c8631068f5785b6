using Portal.Benchmarks;

return args.FirstOrDefault() switch
{
    "learner" => LearnerCommand.Run(args[1..]),
    "micro" => MicroCommand.Run(args[1..]),
    "explore" => ExploreCommand.Run(args[1..]),
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
        """);
    return 2;
}
