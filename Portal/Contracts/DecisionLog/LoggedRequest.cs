using System.Text;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Contracts.DecisionLog;

/// <summary>
/// A decision's Rank request as it was logged (the body the application sent), read back. A row whose actions list is
/// stored apart (<c>Decision.ActionListId</c>) holds <c>"actions":[]</c> in the list's place; <see cref="Joined(string, string?)"/>
/// puts the list back, byte for byte as it was received.
/// </summary>
public static class LoggedRequest
{
    /// <summary>The request, or null when the logged text cannot be read as one (never thrown on).</summary>
    public static RankRequest? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.RankRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The request as received: the row's text with <paramref name="actionsJson"/> in place of its empty list (the row alone when null).</summary>
    public static string Joined(string rowJson, string? actionsJson)
    {
        if (actionsJson is null) return rowJson;
        var row = Encoding.UTF8.GetBytes(rowJson);
        if (ActionsValue(row) is not { } list) return rowJson;
        var (start, length) = list.GetOffsetAndLength(row.Length);
        return string.Concat(Encoding.UTF8.GetString(row, 0, start), actionsJson, Encoding.UTF8.GetString(row, start + length, row.Length - start - length));
    }

    /// <inheritdoc cref="Joined(string, string?)"/>
    public static byte[] Joined(ReadOnlySpan<byte> rowJson, ReadOnlySpan<byte> actionsJson)
    {
        if (ActionsValue(rowJson) is not { } list) return rowJson.ToArray();
        var joined = new byte[SplicedLength(rowJson, list, actionsJson)];
        Splice(rowJson, list, actionsJson, joined);
        return joined;
    }

    /// <summary>The length of <paramref name="text"/> once <paramref name="value"/> replaces its <paramref name="range"/>.</summary>
    public static int SplicedLength(ReadOnlySpan<byte> text, Range range, ReadOnlySpan<byte> value) =>
        text.Length - range.GetOffsetAndLength(text.Length).Length + value.Length;

    /// <summary>
    /// Writes <paramref name="text"/> with <paramref name="value"/> in place of its <paramref name="range"/> into
    /// <paramref name="destination"/> (<see cref="SplicedLength"/> bytes): how a list is taken out of a request for the
    /// log and put back for its readers.
    /// </summary>
    public static void Splice(ReadOnlySpan<byte> text, Range range, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var (start, length) = range.GetOffsetAndLength(text.Length);
        text[..start].CopyTo(destination);
        value.CopyTo(destination[start..]);
        text[(start + length)..].CopyTo(destination[(start + value.Length)..]);
    }

    /// <summary>
    /// Where the value of the request object's <c>actions</c> property lies in its UTF-8 text (its name in any case, as
    /// Rank reads it), when that value is an array; null when there is none or the text is not a JSON object.
    /// </summary>
    public static Range? ActionsValue(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isActions = !reader.ValueIsEscaped && Ascii.EqualsIgnoreCase(reader.ValueSpan, "actions"u8);
                reader.Read();
                if (isActions && reader.TokenType == JsonTokenType.StartArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    return start..(int)reader.BytesConsumed;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not a JSON object: nothing to join.
        }
        return null;
    }
}
