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

    public static string OptOuts(ErasureResult result, long held) =>
        held == 0 ? "There was no opt-out entry."
        : result.OptOutsKept ? "The opt-out entries were kept: Portal goes on not personalizing for this user id."
        : "The opt-out entries were removed: Portal personalizes for this user id again.";
}
