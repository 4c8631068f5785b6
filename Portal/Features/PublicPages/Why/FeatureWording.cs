using Portal.Features.Insights.Catalog;
using Portal.Features.Insights.Statistics;

namespace Portal.Features.PublicPages.Why;

/// <summary>
/// Turns explanation terms (<c>user.ageBand=65+</c>, <c>interests.sports × article.topic=sports</c>) into plain words,
/// with the display names people gave the features: "Interest in sports, together with the topic of this suggestion: sports".
/// A feature of the user's context reads as theirs; any other as the suggestion's.
/// </summary>
public sealed class FeatureWording(DisplayNames names, IReadOnlySet<string> contextPaths)
{
    public string Term(string term)
    {
        var split = term.IndexOf(FeatureAttribution.InteractionSeparator, StringComparison.Ordinal);
        return split < 0
            ? Label(term)
            : $"{Label(term[..split])}, together with {Lower(Label(term[(split + FeatureAttribution.InteractionSeparator.Length)..]))}";
    }

    /// <summary>A feature's name for people: its display name, else its path made readable (<c>user.ageBand</c> → "user age band").</summary>
    public string Name(string path) => names.Features.GetValueOrDefault(path) ?? Readable(path);

    private string Label(string label)
    {
        var equals = label.IndexOf('=');
        var path = FeatureAttribution.FeatureOf(label);
        var value = equals < 0 ? null : label[(equals + 1)..];
        var name = contextPaths.Contains(path) ? Name(path) : $"{Name(path)} of this suggestion";
        return value is null ? name : $"{name}: {value}";
    }

    private static string Readable(string path) =>
        string.Join(' ', path.Split('.').SelectMany(SensitiveFeatureNames.Words).Select(w => w.ToLowerInvariant())) is { Length: > 0 } words
            ? char.ToUpperInvariant(words[0]) + words[1..]
            : path;

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
