using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Simulation;

/// <summary>Built-in demo traffic for the demo loop (<c>Portal:Simulator</c>).</summary>
public sealed class SimulatorOptions : IValidatableObject
{
    public const string Section = "Portal:Simulator";

    public bool Enabled { get; set; } = true;

    [Range(0.1, 10_000, ErrorMessage = "Portal:Simulator:DecisionsPerSecond must be between 0.1 and 10000.")]
    public double DecisionsPerSecond { get; set; } = 5;

    /// <summary>An attack on the learner the demo can stage, so detection and recovery can be seen end to end.</summary>
    public SimulatedAttackOptions Attack { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Attack.Problems();
}

/// <summary>
/// <c>Portal:Simulator:Attack</c>: a script posing as visitors from one country ranks and sends reward 1 whenever the
/// target article is shown (and nothing otherwise), to push the learner towards it for that segment.
/// </summary>
public sealed class SimulatedAttackOptions
{
    public bool Enabled { get; set; }

    /// <summary>The article the attacker boosts.</summary>
    public string ActionId { get; set; } = "markets-weekly";

    /// <summary>The segment the scripted visits claim to come from (<c>user.country</c>).</summary>
    public string Country { get; set; } = "BR";

    /// <summary>Time from the simulator's start to the attack's.</summary>
    public TimeSpan StartAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long it lasts; zero: until the process stops.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Share of the demo's visits that are the attacker's while it lasts.</summary>
    public double Share { get; set; } = 0.3;

    public bool IsActiveAt(TimeSpan sinceStart) =>
        Enabled && sinceStart >= StartAfter && (Duration == TimeSpan.Zero || sinceStart < StartAfter + Duration);

    internal IEnumerable<ValidationResult> Problems()
    {
        const string key = "Portal:Simulator:Attack";
        if (!NewsWorld.Articles.Any(a => a.Id == ActionId))
            yield return new ValidationResult($"{key}:ActionId '{ActionId}' is not a demo article; use one of {string.Join(", ", NewsWorld.Articles.Select(a => a.Id))}.");
        if (!NewsWorld.Countries.Contains(Country))
            yield return new ValidationResult($"{key}:Country '{Country}' is not a demo country; use one of {string.Join(", ", NewsWorld.Countries)}.");
        if (StartAfter < TimeSpan.Zero) yield return new ValidationResult($"{key}:StartAfter must not be negative.");
        if (Duration < TimeSpan.Zero) yield return new ValidationResult($"{key}:Duration must not be negative (zero: until the process stops).");
        if (Share is <= 0 or > 1 || double.IsNaN(Share)) yield return new ValidationResult($"{key}:Share must be above 0 and at most 1.");
    }
}
