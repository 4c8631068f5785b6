using Portal.Benchmarks;
using Portal.Benchmarks.Evaluation;
using Portal.Benchmarks.Feedback;
using Portal.Benchmarks.Insights;
using Portal.Benchmarks.Integrity;
using Portal.Benchmarks.LogExport;
using Portal.Benchmarks.Privacy;
using Portal.Benchmarks.Retention;
using Portal.Benchmarks.Service;

return args.FirstOrDefault() switch
{
    "learner" => LearnerCommand.Run(args[1..]),
    "micro" => MicroCommand.Run(args[1..]),
    "explore" => ExploreCommand.Run(args[1..]),
    "durability" => await DurabilityCommand.RunAsync(args[1..]),
    "contention" => await ContentionCommand.RunAsync(args[1..]),
    "rank-cost" => await RankCostCommand.RunAsync(args[1..]),
    "rank-http-cost" => await RankHttpCostCommand.RunAsync(args[1..]),
    "trainer-rate" => await TrainerRateCommand.RunAsync(args[1..]),
    "model-save" => await ModelSaveCommand.RunAsync(args[1..]),
    "log-writer" => await LogWriterCommand.RunAsync(args[1..]),
    "oversight-latency" => await OversightLatencyCommand.RunAsync(args[1..]),
    "stream-load" => await StreamLoadCommand.RunAsync(args[1..]),
    "feedback-board" => await FeedbackBoardCommand.RunAsync(args[1..]),
    "feedback-post" => await FeedbackPostCommand.RunAsync(args[1..]),
    "insights-bias" => await InsightsBiasCommand.RunAsync(args[1..]),
    "privacy-requests" => await PrivacyRequestsCommand.RunAsync(args[1..]),
    "manipulation" => await ManipulationCommand.RunAsync(args[1..]),
    "watch-read" => await WatchReadCommand.RunAsync(args[1..]),
    "log-export" => await LogExportCommand.RunAsync(args[1..]),
    "evaluation-coverage" => EvaluationCoverageCommand.Run(args[1..]),
    "evaluation-speed" => EvaluationSpeedCommand.Run(args[1..]),
    "evaluation-engine" => await EvaluationEngineCommand.RunAsync(args[1..]),
    "retention-purge" => await RetentionPurgeCommand.RunAsync(args[1..]),
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
          dotnet run -c Release --project Portal.Benchmarks -- rank-http-cost [--calls 5000]
              /health/live, a refused and a committed Rank through the whole pipeline (in-memory TestServer): µs and bytes allocated per request
          dotnet run -c Release --project Portal.Benchmarks -- trainer-rate [--decisions 20000]
          dotnet run -c Release --project Portal.Benchmarks -- model-save [--saves 200]
              one Rank's in-process stages (parse, validate, features, rank, explain, serialize, insert, learn): µs and bytes each
          dotnet run -c Release --project Portal.Benchmarks -- log-writer [--writes 50000] [--clients 64] [--repeats 5]
              the decision log writer alone: bytes to enqueue one write, writes/s draining a full queue and with concurrent callers
          dotnet run -c Release --project Portal.Benchmarks -- oversight-latency [--trials 100] [--clients 4] [--only freeze|kill|golive]
              freeze / kill switch / go-live withdrawal through the oversight API while Rank runs at full speed: time to the first Rank that obeys, late disobedient answers
          dotnet run -c Release --project Portal.Benchmarks -- stream-load [--rate 1000] [--seconds 60] [--pages 5]
              Rank at a fixed rate without and with live-stream pages open in chromium: throughput ratio and server memory
          dotnet run -c Release --project Portal.Benchmarks -- feedback-board [--tickets 100000] [--repeats 15]
              triage board over generated tickets: server time of the first page and of each filter change (target ≤ 300 ms)
          dotnet run -c Release --project Portal.Benchmarks -- feedback-post [--clients 16] [--seconds 20] [--warmup 5]
              POST /feedback with the rate limits lifted: posts/s, latency, statuses, server CPU (needs a Release build of Portal)
          dotnet run -c Release --project Portal.Benchmarks -- insights-bias [--decisions 1000000] [--repeats 7] [--data <folder>]
              a fresh database of generated decisions, the aggregator over them, then the bias page's server-side work per window
          dotnet run -c Release --project Portal.Benchmarks -- privacy-requests [--decisions 1000000] [--tickets 100000] [--repeats 5] [--data <folder>]
              data-subject requests over generated decisions and tickets: find (a known and an unknown user id), export, erase
          dotnet run -c Release --project Portal.Benchmarks -- manipulation [--plain 50000] [--attack 5000] [--after 10000] [--recovery 20000] [--seed 7]
          dotnet run -c Release --project Portal.Benchmarks -- watch-read [--decisions 100000] [--rounds 3]
              demo traffic in simulated time: false alarms over plain decisions, decisions until the staged attack is flagged, reward rate after quarantine
          dotnet run -c Release --project Portal.Benchmarks -- log-export [--decisions 1000000] [--repeats 3] [--data <folder>]
              the decision log's export over generated decisions into a file, DSJSON and CSV: events/s (DSJSON target ≥ 100,000), read back
          dotnet run -c Release --project Portal.Benchmarks -- retention-purge [--decisions 1000000] [--fresh 10000] [--seconds 30] [--clients 16] [--data <folder>]
              Rank at full speed over HTTP alone, during the retention purge of the generated old decisions, alone again: ratio (target ≥ 0.90), what is left (needs a Release build of Portal)
          dotnet run -c Release --project Portal.Benchmarks -- evaluation-coverage [--repetitions 100] [--decisions 5000] [--seed 1]
              simulated news logs with a known truth: how often each estimator's 95 % intervals (Gaussian, Bernstein, Cressie-Read) cover it (target ≥ 90 of 100), mean width
          dotnet run -c Release --project Portal.Benchmarks -- evaluation-speed [--decisions 1000000] [--policies 4] [--actions 8]
              the estimator pass (IPS, SNIPS, DR per policy) over generated decisions in memory: seconds (target ≤ 30 s including the policies' scoring)
          dotnet run -c Release --project Portal.Benchmarks -- evaluation-engine [--decisions 1000000] [--repeats 2] [--data <folder>]
              the evaluator end to end from a fresh SQLite log: online, baseline, uniform and a retrained policy, with DR: seconds, decisions/s (target ≤ 30 s)
        """);
    return 2;
}
