using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Segments;

/// <summary>The automatic segments of a context: its categorical values, read by <see cref="FeatureJson"/>'s rules.</summary>
public static class ContextFeatures
{
    /// <summary>
    /// Every text value (a list's too) and every set flag with its path, e.g. <c>("user.ageBand", "65+")</c>, in
    /// document order. Each is an automatic segment. Numbers and free text are not categories.
    /// </summary>
    public static IEnumerable<(string Feature, string Value)> Categories(IReadOnlyList<JsonElement> context)
    {
        var found = new List<(string, string)>();
        foreach (var leaf in FeatureJson.Leaves(context))
        {
            if (leaf.IsCategory) found.Add((leaf.Path, leaf.Value));
        }
        return found;
    }
}
