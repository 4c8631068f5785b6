namespace Portal.Features.Privacy.Requests;

/// <summary>The page's words for what a request found, will erase and did erase.</summary>
public static class SubjectWording
{
    /// <summary>"Decisions: 200, in demo (180), news (20)".</summary>
    public static string Line(HeldCount count) =>
        $"{count.Label}: {count.Count:N0}" + (count.Detail is null ? "" : $", {count.Detail}");

    /// <summary>What an erasure removes, kind by kind, leaving out the opt-out entries (the administrator decides on those).</summary>
    public static IReadOnlyList<string> ToErase(SubjectFindings findings) =>
        findings.Counts.Where(c => c.Count > 0 && c.Kind != SubjectSearch.OptOutsKind).Select(Line).ToList();

    public static string Outcome(ErasureResult result) => result.Outcome switch
    {
        ErasureOutcome.Completed => "Erased.",
        ErasureOutcome.Cancelled => "Cancelled. What was erased before stays erased; erase again to remove the rest.",
        _ => "Stopped by an error. What was erased before stays erased; erase again to remove the rest.",
    };

    /// <summary>After an erasure's run stopped with an error: whether Portal runs it again.</summary>
    public static string Failed(string error, bool runsAgain) => runsAgain
        ? $"The erasure stopped with an error: {error} What was erased stays erased; Portal runs it again in {BackgroundErasures.RetryAfter.TotalMinutes:0} minute(s)."
        : $"The erasure stopped with an error: {error} It failed {BackgroundErasures.MaxRuns} times and is given up: what was erased stays erased; once the cause is mended, run it again from the list of erasures in the background.";

    /// <summary>"user id 'u-42' and jane@example.org".</summary>
    public static string Who(DataSubject subject) => Who(subject.UserId, subject.ContactEmail);

    /// <inheritdoc cref="Who(DataSubject)"/>
    public static string Who(string? userId, string? contactEmail) => (userId, contactEmail) switch
    {
        ({ } id, { } email) => $"user id '{id}' and {email}",
        ({ } id, null) => $"user id '{id}'",
        (null, { } email) => email,
        _ => "nobody",
    };

    /// <summary>An erasure this node does not run, in a few words: another node runs it, or it waits to be taken up.</summary>
    public static string State(Data.Entities.PendingErasure row, DateTimeOffset now) => PendingErasures.StateOf(row, now) switch
    {
        PendingErasureState.GivenUp => $"Given up at {row.GivenUpAt:yyyy-MM-dd HH:mm} after {row.FailedRuns} failed runs{LastError(row)}",
        PendingErasureState.Running => $"Running on {row.Holder}" + (row is { ProgressStep: { } step, ProgressDone: { } done, ProgressAt: { } at }
            ? $": {step}… {done:P0} at {at.UtcDateTime:HH:mm:ss} UTC" : ""),
        _ when row.FailedRuns > 0 => $"Waiting to run again ({row.FailedRuns} of {BackgroundErasures.MaxRuns} runs failed){LastError(row)}",
        _ => "Waiting to be taken up",
    };

    private static string LastError(Data.Entities.PendingErasure row) => row.LastError is { } error ? $". Last error: {error}" : "";

    /// <summary>A background erasure's state in a few words: its step while it runs, then how it ended.</summary>
    public static string State(ErasureJob job)
    {
        if (job.FinishedAt is null)
            return job.CancelRequested ? "Stopping after the current batch…" : job.Progress is { } p ? $"{p.Step}… {p.Done:P0}" : "Starting…";
        if (!job.Completion.IsCompletedSuccessfully)
            return job.RunsAgain ? "Stopped by an error; runs again shortly" : "Stopped by an error; given up";
        var result = job.Completion.Result;
        var erased = result.Erased.Where(c => c.Kind != SubjectSearch.OptOutsKind).Sum(c => c.Count);
        return result.Outcome switch
        {
            ErasureOutcome.Completed => $"Erased ({Rows(erased)})",
            _ when job.CancelRequested => $"Cancelled after {Rows(erased)}",
            _ => "Stopped with Portal; taken up again",
        };
    }

    private static string Rows(long count) => count == 1 ? "1 row" : $"{count:N0} rows";

    public static string OptOuts(ErasureResult result, long held) =>
        held == 0 ? "There was no opt-out entry."
        : result.OptOutsKept ? "The opt-out entries were kept: Portal goes on not personalizing for this user id."
        : "The opt-out entries were removed: Portal personalizes for this user id again.";
}
