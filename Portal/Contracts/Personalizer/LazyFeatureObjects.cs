using System.Collections;
using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// A list of feature objects (Rank's <c>contextFeatures</c>) kept as its UTF-8 text and read into elements only when one
/// is asked for: an override rule's segment, the live stream, a feature catalog. Rank's body reader hashes the list and
/// counts its features as it reads it, and the opt-out check reads the text (<see cref="Utf8"/>), so a Rank that needs
/// no element builds no document. The text must stay unchanged until this is disposed (which frees the document).
/// </summary>
public sealed class LazyFeatureObjects : IReadOnlyList<JsonElement>, IDisposable
{
    private JsonDocument? document;
    private JsonElement[]? items;
    private bool disposed;

    /// <param name="utf8">The list's text, brackets included: objects only, as the body reader accepted it.</param>
    /// <param name="count">How many objects it holds.</param>
    /// <param name="leaves">How many scalar features they hold (counted by the reader).</param>
    public LazyFeatureObjects(ReadOnlyMemory<byte> utf8, int count, int leaves) => (Utf8, Count, KnownLeaves) = (utf8, count, leaves);

    /// <summary>The list's text, brackets included.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    public int Count { get; }

    /// <summary>The scalar features under the objects, as the reader counted them.</summary>
    public int KnownLeaves { get; }

    public JsonElement this[int index] => Items()[index];

    public IEnumerator<JsonElement> GetEnumerator() => ((IEnumerable<JsonElement>)Items()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private JsonElement[] Items()
    {
        if (items is not null) return items;
        // After disposal the text's buffer may hold another request: as a disposed document's elements would, refuse.
        ObjectDisposedException.ThrowIf(disposed, this);
        document = JsonDocument.Parse(Utf8);
        var read = new JsonElement[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var item in document.RootElement.EnumerateArray()) read[i++] = item;
        return items = read;
    }

    public void Dispose()
    {
        disposed = true;
        document?.Dispose();
        document = null;
        items = null;
    }
}
