using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>Property names as the API reads them: in any case.</summary>
public static class PropertyName
{
    /// <summary>Whether the reader's property name is <paramref name="name"/> in any case (the exact spelling is tested first: it costs no string).</summary>
    public static bool Is(ref Utf8JsonReader reader, string name) =>
        reader.ValueTextEquals(name)
        || ((reader.ValueIsEscaped || reader.ValueSpan.Length == name.Length) && reader.GetString()!.Equals(name, StringComparison.OrdinalIgnoreCase));
}
