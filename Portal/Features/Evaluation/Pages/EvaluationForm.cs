using Portal.Features.Evaluation.Runs;

namespace Portal.Features.Evaluation.Pages;

/// <summary>
/// The create form of the evaluations page, in UTC as the page shows it: the window, the standard policies to include,
/// named custom learner arguments, optimization discovery and the time series' interval. The service's problems come
/// back as messages per field, each shown beside its field.
/// </summary>
public sealed class EvaluationForm
{
    public string? Name { get; set; }
    public DateTime? FromDate { get; set; }
    public TimeSpan? FromTime { get; set; }
    public DateTime? ToDate { get; set; }
    public TimeSpan? ToTime { get; set; }
    public bool Online { get; set; } = true;
    public bool Baseline { get; set; } = true;
    public bool Uniform { get; set; }
    public bool Logging { get; set; } = true;
    public bool OptimizationDiscovery { get; set; }
    public int? IntervalMinutes { get; set; } = 60;
    public List<CustomPolicyRow> Custom { get; } = [];

    private Dictionary<string, string> errors = new(StringComparer.Ordinal);

    /// <summary>A form for the last day up to now.</summary>
    public static EvaluationForm LastDay(DateTimeOffset now)
    {
        // Up to the next whole minute, so that the decisions of the last minute are in.
        var to = new DateTime(now.UtcDateTime.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(1);
        var from = to.AddDays(-1);
        return new EvaluationForm
        {
            Name = $"Evaluation of {to:yyyy-MM-dd HH:mm}",
            FromDate = from.Date, FromTime = new TimeSpan(from.Hour, from.Minute, 0),
            ToDate = to.Date, ToTime = new TimeSpan(to.Hour, to.Minute, 0),
        };
    }

    public DateTimeOffset? From => At(FromDate, FromTime);
    public DateTimeOffset? To => At(ToDate, ToTime);

    public NewEvaluation ToRequest(string loopId)
    {
        var standard = new List<CandidateKind>();
        if (Online) standard.Add(CandidateKind.Online);
        if (Baseline) standard.Add(CandidateKind.Baseline);
        if (Uniform) standard.Add(CandidateKind.Uniform);
        if (Logging) standard.Add(CandidateKind.Logging);
        return new NewEvaluation(loopId, null, Name, From, To, standard,
            Custom.Select(c => new NewPolicy(c.Name, c.Arguments ?? "")).ToList(), OptimizationDiscovery, IntervalMinutes);
    }

    /// <summary>Shows the problems beside their fields; those without a field of the form come back for a general message.</summary>
    public IReadOnlyList<string> Show(IReadOnlyList<EvaluationProblem> problems)
    {
        errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var general = new List<string>();
        foreach (var problem in problems)
        {
            if (IsFormField(problem.Field)) errors.TryAdd(problem.Field, problem.Message);
            else general.Add(problem.Message);
        }
        return general;
    }

    public bool Has(string field) => errors.ContainsKey(field);

    public string? ErrorOf(string field) => errors.GetValueOrDefault(field);

    public static string NameField(int row) => $"policies[{row}].name";

    public static string ArgumentsField(int row) => $"policies[{row}].arguments";

    private static bool IsFormField(string field) =>
        field is "name" or "from" or "to" or "intervalInMinutes" or "policies" || field.StartsWith("policies[", StringComparison.Ordinal);

    private static DateTimeOffset? At(DateTime? date, TimeSpan? time) =>
        date is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day.Date, DateTimeKind.Utc)) + (time ?? TimeSpan.Zero) : null;
}
