namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>rank-cost</c>: where one Rank's server CPU goes, stage by stage, in process and single-threaded, for the
/// body of the service benchmarks — to read next to rank-load's CPU per decision. Options: --calls 20000.
/// </summary>
public static class RankCostCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = new CommandOptions(args).Int("calls", 20_000);
        var stages = new RankCostStages();
        Console.WriteLine($"Rank body {stages.BodyBytes} bytes (10 actions × 20 features); µs and bytes allocated per call, median of 5 passes of {calls}");
        var rows = new (string Name, StageTimer.Cost Cost)[]
        {
            ("read + hash + validate in one pass (context + 10 actions, list kept)", StageTimer.Measure(calls, _ => stages.ReadHashValidate())),
            ("request for the log (its UTF-8 bytes, checked)", StageTimer.Measure(calls, _ => stages.KeepRaw())),
            ("rank (score 10 actions, sample)", StageTimer.Measure(calls, stages.Rank)),
            ("explain (top 5)", StageTimer.Measure(calls, _ => stages.Explain())),
            ("ranking + explanation JSON for the log (pooled UTF-8)", StageTimer.Measure(calls, _ => stages.SerializeLogged())),
            ("answer: whyUrl (HMAC-SHA256 token) + response JSON (pooled UTF-8)", StageTimer.Measure(calls, _ => stages.Answer())),
            ("hashed features record for the trainer (pooled)", StageTimer.Measure(calls, _ => stages.WriteRecord())),
        };
        var rankRows = rows.Length;
        rows =
        [
            .. rows,
            ("trainer: learn from the logged hashed features", StageTimer.Measure(calls / 4, _ => stages.LearnFromRecord())),
            ("trainer, rows logged before the record: read RequestJson, hash, learn", StageTimer.Measure(calls / 4, _ => stages.Learn())),
            ("manipulation watch: segments of a settled decision's context", StageTimer.Measure(calls, _ => stages.WatchSegments())),
        ];
        Console.WriteLine($"  load average {LoadAverage()}");
        foreach (var (name, cost) in rows) Console.WriteLine($"  {name,-66} {cost.Micros,8:F1} µs {cost.Bytes,9:F0} B");
        var rank = rows.Take(rankRows).ToArray();
        Console.WriteLine($"  {"in-process Rank (the stages above, no SQLite)",-66} {rank.Sum(r => r.Cost.Micros),8:F1} µs {rank.Sum(r => r.Cost.Bytes),9:F0} B");
        var insert = await SqliteInsertCost.MicrosPerDecisionAsync(stages.RequestJson, batchSize: 32, batches: 300);
        Console.WriteLine($"  {"SQLite insert, WAL + synchronous=FULL, 32 per commit (wall time)",-66} {insert,8:F1} µs");
        Console.WriteLine($"  {"Rank + insert + learning from the record",-66} {rank.Sum(r => r.Cost.Micros) + rows[rankRows].Cost.Micros + insert,8:F1} µs");
        // What a body the one-pass reader declines costs instead, measured in the same run for the ratio; not in the sum.
        var serializer = StageTimer.Measure(calls, _ => stages.SerializerValidateHash());
        var onePass = StageTimer.Measure(calls, _ => stages.ReadHashValidate());
        var newList = StageTimer.Measure(calls, stages.ReadHashValidateNewList);
        Console.WriteLine($"  {"declined bodies: serializer, validate its elements, hash them",-66} {serializer.Micros,8:F1} µs {serializer.Bytes,9:F0} B");
        Console.WriteLine($"  {"read + hash + validate in one pass, measured again",-66} {onePass.Micros,8:F1} µs {onePass.Bytes,9:F0} B  (ratio {onePass.Micros / serializer.Micros:F2})");
        // The row above reads the same body again and again: its actions list is kept (RankBodyReader's repeated lists).
        Console.WriteLine($"  {"the same, an actions list not kept (new, or lists that change)",-66} {newList.Micros,8:F1} µs {newList.Bytes,9:F0} B  (ratio {newList.Micros / serializer.Micros:F2})");
        // Only loops with isInferenceExplainabilityEnabled pay this; it is not in the sum.
        var inference = StageTimer.Measure(calls, _ => stages.InferenceExplanation());
        Console.WriteLine($"  {"inferenceExplanation, 10 actions × top 5 (loops that enable it)",-66} {inference.Micros,8:F1} µs {inference.Bytes,9:F0} B");
        Console.WriteLine($"  load average {LoadAverage()}");
        return 0;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
