using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// Reads a logged Rank request (the trainer's rows logged before hashed features were) as one <see cref="JsonDocument"/>
/// over its bytes (no copy) and maps it by hand, so the feature lists point into that one document instead of the
/// serializer's separate document per feature object. Rank itself reads its body in one pass that also hashes
/// (<c>RankBodyReader</c>); this reader is what that one was measured against (<c>rank-cost</c>). Only the
/// well-formed shape is read here: a wrong type, a duplicate or escaped property name, anything unusual returns null,
/// and the caller reads the body with the serializer, which stays the reference for what is accepted and for every
/// error message.
/// </summary>
public static class RankRequestReader
{
    private const int ContextFeaturesSeen = 1, ActionsSeen = 2, ExcludedSeen = 4, EventIdSeen = 8, DeferSeen = 16;

    /// <summary>The request in <paramref name="body"/>, or null when the serializer must read it. The memory must not change until the result is disposed.</summary>
    public static ParsedRankRequest? TryRead(ReadOnlyMemory<byte> body) => TryRead(body, rented: null);

    /// <summary>A logged request (UTF-16 text) by the same route: encoded into a pooled buffer, then read as above.</summary>
    public static ParsedRankRequest? TryRead(string json)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        var length = Encoding.UTF8.GetBytes(json, rented);
        var parsed = TryRead(rented.AsMemory(0, length), rented);
        if (parsed is null) ArrayPool<byte>.Shared.Return(rented);
        return parsed;
    }

    private static ParsedRankRequest? TryRead(ReadOnlyMemory<byte> body, byte[]? rented)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        RankRequest? request;
        try
        {
            request = Map(document.RootElement);
        }
        catch (InvalidOperationException)
        {
            request = null; // text that is not valid UTF-8: the serializer decides what to answer
        }

        if (request is not null) return new ParsedRankRequest(request, document, rented);
        document.Dispose();
        return null;
    }

    private static RankRequest? Map(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        IReadOnlyList<JsonElement>? context = null;
        IReadOnlyList<RankableAction>? actions = null;
        IReadOnlyList<string>? excluded = null;
        string? eventId = null;
        var defer = false;
        var seen = 0;
        foreach (var property in root.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            var value = property.Value;
            bool ok;
            if (Ascii.EqualsIgnoreCase(name, "contextFeatures"u8)) ok = Once(ref seen, ContextFeaturesSeen) && TryElements(value, out context);
            else if (Ascii.EqualsIgnoreCase(name, "actions"u8)) ok = Once(ref seen, ActionsSeen) && TryActions(value, out actions);
            else if (Ascii.EqualsIgnoreCase(name, "excludedActions"u8)) ok = Once(ref seen, ExcludedSeen) && TryStrings(value, out excluded);
            else if (Ascii.EqualsIgnoreCase(name, "eventId"u8)) ok = Once(ref seen, EventIdSeen) && TryString(value, out eventId);
            else if (Ascii.EqualsIgnoreCase(name, "deferActivation"u8)) ok = Once(ref seen, DeferSeen) && TryBool(value, out defer);
            else ok = name.IndexOf((byte)'\\') < 0; // an unknown property is skipped, as the serializer does; an escaped name might be a known one
            if (!ok) return null;
        }

        return new RankRequest(context, actions, excluded, eventId, defer);
    }

    private static bool Once(ref int seen, int flag)
    {
        if ((seen & flag) != 0) return false;
        seen |= flag;
        return true;
    }

    private static bool TryElements(JsonElement value, out IReadOnlyList<JsonElement>? elements)
    {
        elements = null;
        if (value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Array) return false;
        var items = new JsonElement[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray()) items[i++] = item;
        elements = items;
        return true;
    }

    private static bool TryActions(JsonElement value, out IReadOnlyList<RankableAction>? actions)
    {
        actions = null;
        if (value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Array) return false;
        var items = new RankableAction[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Null) items[i++] = null!;
            else if (TryAction(item) is { } action) items[i++] = action;
            else return false;
        }
        actions = items;
        return true;
    }

    private static RankableAction? TryAction(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        string? id = null;
        IReadOnlyList<JsonElement>? features = null;
        var seen = 0;
        foreach (var property in item.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            bool ok;
            if (Ascii.EqualsIgnoreCase(name, "id"u8)) ok = Once(ref seen, 1) && TryString(property.Value, out id);
            else if (Ascii.EqualsIgnoreCase(name, "features"u8)) ok = Once(ref seen, 2) && TryElements(property.Value, out features);
            else ok = name.IndexOf((byte)'\\') < 0;
            if (!ok) return null;
        }
        return new RankableAction(id, features is null ? null : FeatureList.Of(features));
    }

    private static bool TryStrings(JsonElement value, out IReadOnlyList<string>? strings)
    {
        strings = null;
        if (value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Array) return false;
        var items = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (!TryString(item, out var text)) return false;
            items[i++] = text!;
        }
        strings = items;
        return true;
    }

    private static bool TryString(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static bool TryBool(JsonElement value, out bool flag)
    {
        flag = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }
}
