using Microsoft.Extensions.Options;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Infrastructure.Errors;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// Checks an evaluation before it is queued, so that a client hears at once what Personalizer would refuse: the name,
/// a reversed or future window, a window without logged decisions, and each policy's arguments (refused by flag, as the
/// policy API refuses them). Every problem is reported, each with its field. Also picks the time series' interval.
/// </summary>
public sealed class NewEvaluationValidator(LoopLogDeletion log, TimeProvider clock, IOptions<EvaluationRunOptions> options)
{
    /// <summary>Personalizer's allowed aggregation intervals, in minutes.</summary>
    public static readonly int[] AllowedIntervals = [5, 60, 360, 720, 1440];

    public const int MaxNameLength = 256;
    public const int MaxArgumentsLength = 1024;

    /// <summary>Future windows are refused, with this much leeway for a clock set a little apart.</summary>
    private static readonly TimeSpan FutureLeeway = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<EvaluationProblem>> ValidateAsync(NewEvaluation request, IReadOnlyList<StoredCandidate> standard,
        CancellationToken ct)
    {
        var problems = new List<EvaluationProblem>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
            problems.Add(EvaluationProblem.Invalid("name", $"A name is required (at most {MaxNameLength} characters)."));
        if (request.Id is { } id && (string.IsNullOrWhiteSpace(id) || id.Length > MaxNameLength))
            problems.Add(EvaluationProblem.Invalid("evaluationId", $"The evaluation id must be 1 to {MaxNameLength} characters."));
        if (request.IntervalMinutes is { } interval && !AllowedIntervals.Contains(interval))
            problems.Add(EvaluationProblem.Invalid("intervalInMinutes", $"The interval must be one of {string.Join(", ", AllowedIntervals)} minutes."));
        problems.AddRange(PolicyProblems(request.Policies, standard));
        if (request.Policies.Count == 0 && standard.Count == 0)
            problems.Add(EvaluationProblem.Invalid("policies", "Choose at least one policy to evaluate."));
        if (WindowProblem(request.From, request.To) is { } window) problems.Add(window);
        else if (await NoDataProblemAsync(request.LoopId, request.From!.Value, request.To!.Value, ct) is { } noData) problems.Add(noData);
        return problems;
    }

    private EvaluationProblem? WindowProblem(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null) return EvaluationProblem.Invalid("from", "The start of the window is required.");
        if (to is null) return EvaluationProblem.Invalid("to", "The end of the window is required.");
        if (to <= from) return EvaluationProblem.Invalid("to", "The window ends before it starts: the end must be after the start.");
        var now = clock.GetUtcNow();
        if (from > now) return EvaluationProblem.Invalid("from", "The window starts in the future: nothing has been logged there yet.");
        if (to > now + FutureLeeway) return EvaluationProblem.Invalid("to", "The window ends in the future: end it now or earlier.");
        return null;
    }

    private async Task<EvaluationProblem?> NoDataProblemAsync(string loopId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (first, last) = await log.RangeAsync(loopId, ct);
        if (first is { } f && last is { } l && from <= l && to > f) return null;
        var held = first is null ? "The loop has logged no decisions yet." : $"Its log covers {first:u} to {last:u}.";
        return new EvaluationProblem(400, ApiErrorCodes.NoLogsExistInDateRange, "from", $"No decisions were logged in this window. {held}");
    }

    private IEnumerable<EvaluationProblem> PolicyProblems(IReadOnlyList<NewPolicy> policies, IReadOnlyList<StoredCandidate> standard)
    {
        if (policies.Count > options.Value.MaxCustomPolicies)
            yield return EvaluationProblem.Invalid("policies", $"At most {options.Value.MaxCustomPolicies} policies can be evaluated in one run.");
        var names = new HashSet<string>(standard.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < policies.Count; i++)
        {
            var (name, arguments) = (policies[i].Name, policies[i].Arguments ?? "");
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
                yield return EvaluationProblem.Invalid($"policies[{i}].name", $"Each policy needs a name (at most {MaxNameLength} characters).");
            else if (!names.Add(name))
                yield return new EvaluationProblem(400, EvaluationProblem.DuplicateCustomPolicyNames, $"policies[{i}].name",
                    $"Policy names must be unique: '{name}' is used twice (or is the name of a standard policy).");
            if (arguments.Length > MaxArgumentsLength)
                yield return new EvaluationProblem(400, ApiErrorCodes.InvalidPolicyConfiguration, $"policies[{i}].arguments",
                    $"The arguments are longer than {MaxArgumentsLength} characters.");
            else if (!PolicyParser.TryParse(arguments, out _, out var error))
                yield return new EvaluationProblem(400, ApiErrorCodes.InvalidPolicyConfiguration, $"policies[{i}].arguments", error);
        }
    }

    /// <summary>
    /// The bucket width in minutes: the asked one (or none), widened to the next allowed interval when the window would
    /// need more than <see cref="EvaluationRunOptions.MaxTimelinePoints"/> buckets.
    /// </summary>
    public int? IntervalFor(int? asked, DateTimeOffset from, DateTimeOffset to)
    {
        if (asked is not { } minutes) return null;
        var needed = (int)Math.Ceiling((to - from).TotalMinutes / options.Value.MaxTimelinePoints);
        var width = Math.Max(minutes, needed);
        foreach (var allowed in AllowedIntervals)
            if (allowed >= width) return allowed;
        return (int)Math.Ceiling(width / 1440.0) * 1440;
    }
}
