using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Portal.Features.Insights.Catalog;

/// <summary>
/// Tells whether a feature's name looks sensitive: one of the words of its path (split at dots, underscores, dashes
/// and camelCase: <c>user.ageBand</c> → user, age, band) is in <c>Portal:Insights:SensitiveFeatureNames</c>.
/// Whole words only, so <c>user.pageViews</c> or <c>language</c> do not match "age".
/// </summary>
public sealed class SensitiveFeatureNames(IOptions<InsightsOptions> options)
{
    private readonly FrozenSet<string> words = options.Value.SensitiveFeatureNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public bool LooksSensitive(string path) => Words(path).Any(words.Contains);

    public static IEnumerable<string> Words(string path)
    {
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            var boundary = i == path.Length || !char.IsLetter(path[i]) || (i > start && char.IsUpper(path[i]) && char.IsLower(path[i - 1]));
            if (!boundary) continue;
            if (i > start) yield return path[start..i];
            start = i < path.Length && char.IsLetter(path[i]) ? i : i + 1;
        }
    }
}
