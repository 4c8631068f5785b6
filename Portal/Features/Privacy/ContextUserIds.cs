using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Portal.Features.Privacy;

/// <summary>
/// Where a context carries the application's user id (PrivacyOptions.UserIdPath). Apart from <see cref="OptOutCheck"/> so
/// that data kept by other features can find its user without depending on the opt-out registry, which asks those
/// features to forget (<see cref="IForgetOnOptOut"/>).
/// </summary>
public sealed class ContextUserIds(IOptions<PrivacyOptions> options)
{
    private readonly string[] userIdPath = options.Value.UserIdPath;

    /// <summary>The application's user id in the context (a string or a number), or null when it sent none.</summary>
    public string? Of(IReadOnlyList<JsonElement> context) => Find(context, userIdPath) switch
    {
        { ValueKind: JsonValueKind.String } text when UserIds.Problem(text.GetString()) is null => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    /// <summary>The value at the path in the first context object that has it.</summary>
    public static JsonElement? Find(IReadOnlyList<JsonElement> context, string[] path)
    {
        for (var i = 0; i < context.Count; i++)
        {
            var node = context[i];
            var found = true;
            foreach (var key in path)
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node))
                {
                    found = false;
                    break;
                }
            }
            if (found) return node;
        }
        return null;
    }
}
