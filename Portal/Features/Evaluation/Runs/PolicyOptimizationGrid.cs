using System.Globalization;
using Portal.Features.Learning;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// Personalizer's policy optimization, small: learner settings around the loop's current arguments — other exploration
/// ε, a quarter and four times the learning rate, interactions off (or on) — each a candidate of its own. Only
/// arguments the policy parser accepts and that differ from the current policy and from each other are kept.
/// </summary>
public static class PolicyOptimizationGrid
{
    private static readonly double[] Epsilons = [0.05, 0.1, 0.2, 0.3];
    private static readonly string[] InteractionFlags = ["-q", "--quadratic", "--interactions"];

    public static IReadOnlyList<StoredCandidate> Around(string currentArguments)
    {
        if (!PolicyParser.TryParse(currentArguments, out var current, out _)) return [];
        var variants = new List<(string Name, string Arguments)>();
        foreach (var epsilon in Epsilons)
            variants.Add(($"discovered: ε {Format(epsilon)}", WithValue(currentArguments, ["--epsilon"], epsilon)));
        foreach (var factor in new[] { 0.25, 4 })
        {
            var rate = current.LearningRate * factor;
            variants.Add(($"discovered: learning rate {Format(rate)}", WithValue(currentArguments, ["-l", "--learning_rate"], rate)));
        }
        variants.Add(HasInteractions(currentArguments)
            ? ("discovered: no interactions", WithoutInteractions(currentArguments))
            : ("discovered: interactions", currentArguments + " -q ::"));

        var seen = new HashSet<string>(StringComparer.Ordinal) { current.Canonical };
        var grid = new List<StoredCandidate>();
        foreach (var (name, arguments) in variants)
        {
            if (!PolicyParser.TryParse(arguments, out var policy, out _) || !seen.Add(policy.Canonical)) continue;
            grid.Add(StoredCandidate.Discovered(name, arguments));
        }
        return grid;
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static List<string> Tokens(string arguments) => arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>The arguments with the flag's value replaced (or the flag added).</summary>
    private static string WithValue(string arguments, string[] names, double value)
    {
        var tokens = Tokens(arguments);
        var at = tokens.FindIndex(t => names.Contains(t));
        if (at >= 0 && at + 1 < tokens.Count) tokens[at + 1] = Format(value);
        else tokens.AddRange([names[0], Format(value)]);
        return string.Join(' ', tokens);
    }

    private static bool HasInteractions(string arguments) =>
        Tokens(arguments).Any(t => t == "--cross" || InteractionFlags.Contains(t) || t.StartsWith("-q", StringComparison.Ordinal) && !t.StartsWith("--", StringComparison.Ordinal));

    private static string WithoutInteractions(string arguments)
    {
        var tokens = Tokens(arguments);
        var kept = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (InteractionFlags.Contains(tokens[i])) { i++; continue; }
            if (tokens[i] == "--cross" || tokens[i].StartsWith("-q", StringComparison.Ordinal) && !tokens[i].StartsWith("--", StringComparison.Ordinal)) continue;
            kept.Add(tokens[i]);
        }
        return string.Join(' ', kept);
    }
}
