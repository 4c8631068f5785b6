using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Feedback;

/// <summary>
/// The context features of a ticket's decision, read by <see cref="FeatureJson"/>'s rules: as rows for the board's
/// segment filter (texts and flags by value, numbers as numbers, each of a list's values on its own) and as lines for
/// people. A path shown on a ticket is one a segment can match.
/// </summary>
public static class TicketContext
{
    public const int MaxValues = 200;
    public const int MaxPathLength = 200;
    public const int MaxTextLength = 256;

    public readonly record struct Value(string Feature, string? Text, double? Number);

    /// <summary>The rows stored with a ticket; long paths and texts are left out rather than cut, so none is wrong.</summary>
    public static IReadOnlyList<Value> ValuesOf(JsonElement contextFeatures)
    {
        var values = new List<Value>();
        foreach (var leaf in FeatureJson.Leaves(contextFeatures))
        {
            if (values.Count == MaxValues) break;
            if (leaf.Path.Length > MaxPathLength) continue;
            if (leaf.Kind == FeatureValueKind.Number) values.Add(new Value(leaf.Path, null, leaf.Number));
            else if (leaf.Value.Length <= MaxTextLength) values.Add(new Value(leaf.Path, leaf.Value, null));
        }
        return values;
    }

    /// <summary>One line per feature, a list's values joined (<c>user.tags</c>: news, sport), for showing a decision's context.</summary>
    public static IReadOnlyList<(string Path, string Value)> Lines(JsonElement contextFeatures)
    {
        var lines = new List<(string Path, string Value)>();
        FeatureLeaf? previous = null;
        foreach (var leaf in FeatureJson.Leaves(contextFeatures))
        {
            if (leaf.InList && previous is { InList: true } last && last.Path == leaf.Path)
                lines[^1] = (leaf.Path, lines[^1].Value + ", " + leaf.Value);
            else
                lines.Add((leaf.Path, leaf.Value));
            previous = leaf;
        }
        return lines;
    }
}
