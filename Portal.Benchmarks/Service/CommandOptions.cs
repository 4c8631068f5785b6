using System.Globalization;

namespace Portal.Benchmarks.Service;

/// <summary><c>--name value</c> pairs of a benchmark verb, with defaults for the missing ones.</summary>
public sealed class CommandOptions(IReadOnlyList<string> args)
{
    public int Int(string name, int fallback) =>
        Find(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => Find(name) ?? fallback;

    private string? Find(string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == "--" + name) return args[i + 1];
        }
        return null;
    }
}
