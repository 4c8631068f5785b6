using System.Runtime.InteropServices;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Learning;

/// <summary>
/// Personalizer feature JSON → hashed features, following VW's JSON parser: each top-level object's scalar
/// properties go to the default namespace; an object-valued property opens a namespace named by its key; strings are
/// indicators of name+value; numbers are valued; <c>true</c> is an indicator; <c>false</c>/<c>null</c> are omitted;
/// numeric arrays become indexed features in a namespace named by the key; <c>_text</c> is split into word
/// indicators; other keys starting with '_' are ignored (VW reserves them). Odd input is skipped, never thrown on.
/// Display names are dotted JSON paths (<c>user.age</c>, <c>user.tier=gold</c>, <c>user.latLong[0]</c>).
/// </summary>
public static class PersonalizerFeatures
{
    [ThreadStatic]
    private static FeatureSetBuilder? threadBuilder;

    [ThreadStatic]
    private static Utf8FeatureWalker? threadWalker;

    /// <summary>This thread's builder and walker, for a reader that hashes feature objects as it reads a body (never across an await).</summary>
    internal static (FeatureSetBuilder Builder, Utf8FeatureWalker Walker) ThreadTools() =>
        (threadBuilder ??= new FeatureSetBuilder(), threadWalker ??= new Utf8FeatureWalker());

    public static FeatureSet Parse(IReadOnlyList<JsonElement> featureObjects, IReadOnlySet<string>? excludedFeatures = null) =>
        Parse(featureObjects, excludedFeatures, null);

    /// <summary>As above, the display labels kept in <paramref name="labels"/> (read the set only until it is returned).</summary>
    public static FeatureSet Parse(IReadOnlyList<JsonElement> featureObjects, IReadOnlySet<string>? excludedFeatures, FeatureLabelArena? labels)
    {
        ArgumentNullException.ThrowIfNull(featureObjects);
        var builder = threadBuilder ??= new FeatureSetBuilder();
        builder.Clear();
        var walker = threadWalker ??= new Utf8FeatureWalker();
        var excluded = excludedFeatures is { Count: > 0 } ? excludedFeatures : null;
        for (var i = 0; i < featureObjects.Count; i++)
        {
            // Hashed from the object's UTF-8 text: no property-name or value strings, no element tree walked.
            if (featureObjects[i].ValueKind == JsonValueKind.Object) walker.Walk(JsonMarshal.GetRawUtf8Value(featureObjects[i]), builder, excluded);
        }

        return builder.Build(labels);
    }

    /// <summary>An action's features (no audit-only exclusions: those are context features), the labels kept in <paramref name="labels"/> when given.</summary>
    public static FeatureSet Parse(FeatureList features, FeatureLabelArena? labels)
    {
        var builder = threadBuilder ??= new FeatureSetBuilder();
        builder.Clear();
        var walker = threadWalker ??= new Utf8FeatureWalker();
        for (var i = 0; i < features.Count; i++)
        {
            if (features.KindOf(i) == JsonValueKind.Object) walker.Walk(features.Utf8Of(i), builder, null);
        }

        return builder.Build(labels);
    }
}
