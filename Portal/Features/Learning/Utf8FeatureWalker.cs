using System.Buffers;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Learning;

/// <summary>
/// Reads one feature object's UTF-8 JSON with <see cref="Utf8JsonReader"/> and adds its features to a builder,
/// hashing names and values from the bytes (VW's rules, see <see cref="PersonalizerFeatures"/>). Display-name parts
/// come from a per-thread string cache, so a request whose names and categories were seen before allocates no strings.
/// It also counts the scalar features it passes, skipped ones included, and notes numbers that are not finite (Rank's
/// validation rules, <see cref="RankRequestValidator"/>), so a reader that hashes as it reads validates in the same pass.
/// Reused per thread; not thread-safe.
/// </summary>
internal sealed class Utf8FeatureWalker
{
    private const int MaxDepth = FeatureJson.MaxDepth;
    private const int StackBytes = 256;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    private readonly FeatureStrings strings = FeatureStrings.ForThread();
    private FeatureSetBuilder builder = null!;
    private IReadOnlySet<string>? excluded;

    /// <summary>Scalar features passed since <see cref="ResetCount"/> (strings, numbers, booleans; not nulls), skipped ones included.</summary>
    public int Leaves { get; private set; }

    /// <summary>A number that is not finite (too large for a double) was passed since <see cref="ResetCount"/>.</summary>
    public bool SawNonFinite { get; private set; }

    public void ResetCount() => (Leaves, SawNonFinite) = (0, false);

    /// <summary>Adds the features of <paramref name="featureObject"/> (the raw JSON of one object) to <paramref name="target"/>.</summary>
    public void Walk(ReadOnlySpan<byte> featureObject, FeatureSetBuilder target, IReadOnlySet<string>? excludedFeatures)
    {
        var reader = new Utf8JsonReader(featureObject, ReaderOptions);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject) Walk(ref reader, target, excludedFeatures);
    }

    /// <summary>The same for an object a reader is on (its StartObject); leaves the reader on its EndObject.</summary>
    public void Walk(ref Utf8JsonReader reader, FeatureSetBuilder target, IReadOnlySet<string>? excludedFeatures)
    {
        builder = target;
        excluded = excludedFeatures;
        Object(ref reader, FeatureSetBuilder.DefaultNamespace, "", 0);
    }

    /// <summary>The reader is on the object's StartObject; leaves it on its EndObject.</summary>
    private void Object(ref Utf8JsonReader reader, string ns, string prefix, int depth)
    {
        if (depth > MaxDepth)
        {
            SkipCounting(ref reader);
            return;
        }

        Span<byte> scratch = stackalloc byte[StackBytes];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            byte[]? rented = null;
            var key = FeatureStrings.Unescaped(in reader, scratch, ref rented);
            reader.Read();
            try
            {
                Property(ref reader, key, ns, prefix, depth);
            }
            finally
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void Property(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> key, string ns, string prefix, int depth)
    {
        if (key.Length > 0 && key[0] == (byte)'_' && !key.SequenceEqual("_text"u8))
        {
            SkipCounting(ref reader);
            return;
        }

        var keyText = strings.Get(key);
        if (key.SequenceEqual("_text"u8))
        {
            if (reader.TokenType == JsonTokenType.String && !IsExcluded(prefix, keyText))
            {
                Leaves++;
                Words(ref reader, ns, prefix);
            }
            else SkipCounting(ref reader);
            return;
        }

        if (IsExcluded(prefix, keyText))
        {
            SkipCounting(ref reader);
            return;
        }

        Value(ref reader, key, keyText, ns, prefix, depth);
    }

    private void Value(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> key, string keyText, string ns, string prefix, int depth)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Object(ref reader, keyText, strings.Join(prefix, keyText), depth + 1);
                break;
            case JsonTokenType.String:
            {
                Leaves++;
                byte[]? rented = null;
                try
                {
                    var value = FeatureStrings.Unescaped(in reader, stackalloc byte[StackBytes], ref rented);
                    builder.AddString(ns, key, value, new FeatureLabel(prefix, keyText, strings.Get(value)));
                }
                finally
                {
                    if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
                }
                break;
            }
            case JsonTokenType.Number:
                if (Count(ref reader, out var number)) builder.AddNumber(ns, key, (float)number, new FeatureLabel(prefix, keyText));
                break;
            case JsonTokenType.True:
                Leaves++;
                builder.AddIndicator(ns, key, new FeatureLabel(prefix, keyText));
                break;
            case JsonTokenType.False:
                Leaves++;
                break;
            case JsonTokenType.StartArray:
                Array(ref reader, keyText, prefix, depth + 1);
                break;
        }
    }

    /// <summary>The reader is on the array's StartArray; leaves it on its EndArray.</summary>
    private void Array(ref Utf8JsonReader reader, string key, string prefix, int depth)
    {
        if (depth > MaxDepth)
        {
            SkipCounting(ref reader);
            return;
        }

        var position = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var label = new FeatureLabel(prefix, key, null, position);
            if (excluded is not null && excluded.Contains(label.Path))
            {
                SkipCounting(ref reader);
            }
            else
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.Number:
                        if (Count(ref reader, out var number)) builder.AddArrayElement(key, position, (float)number, label);
                        break;
                    case JsonTokenType.StartObject:
                        Object(ref reader, key, strings.Join(prefix, key), depth + 1);
                        break;
                    case JsonTokenType.String:
                        Leaves++;
                        ArrayString(ref reader, key, prefix);
                        break;
                    default:
                        SkipCounting(ref reader);
                        break;
                }
            }

            position++;
        }
    }

    private void ArrayString(ref Utf8JsonReader reader, string key, string prefix)
    {
        byte[]? rented = null;
        try
        {
            var value = FeatureStrings.Unescaped(in reader, stackalloc byte[StackBytes], ref rented);
            builder.AddIndicator(key, value, new FeatureLabel(prefix, key, strings.Get(value)));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A number as a double when it is finite (counted as a feature); one that is not is noted and hashes nothing.</summary>
    private bool Count(ref Utf8JsonReader reader, out double number)
    {
        if (reader.TryGetDouble(out number) && double.IsFinite(number))
        {
            Leaves++;
            return true;
        }
        SawNonFinite = true;
        return false;
    }

    /// <summary>Skips the value the reader is on (leaving it on its last token), counting the scalars in it as validation counts them.</summary>
    private void SkipCounting(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            CountScalar(ref reader);
            return;
        }
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth) CountScalar(ref reader);
    }

    private void CountScalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                Count(ref reader, out _);
                break;
            case JsonTokenType.String or JsonTokenType.True or JsonTokenType.False:
                Leaves++;
                break;
        }
    }

    /// <summary><c>_text</c>: one indicator per word, split at the same whitespace as before (ASCII bytes, so UTF-8 splits alike).</summary>
    private void Words(ref Utf8JsonReader reader, string ns, string prefix)
    {
        byte[]? rented = null;
        try
        {
            var text = FeatureStrings.Unescaped(in reader, stackalloc byte[StackBytes], ref rented);
            while (text.Length > 0)
            {
                var end = text.IndexOfAny(" \t\n\r"u8);
                var word = end < 0 ? text : text[..end];
                if (word.Length > 0) builder.AddIndicator(ns, word, new FeatureLabel(prefix, strings.Get(word)));
                text = end < 0 ? default : text[(end + 1)..];
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A path is excluded when it, or any ancestor path (cut at '.'), is in the set.</summary>
    private bool IsExcluded(string prefix, string key)
    {
        if (excluded is null) return false;
        var path = strings.Join(prefix, key);
        if (excluded.Contains(path)) return true;
        for (var i = path.Length - 1; i > 0; i--)
        {
            if (path[i] == '.' && excluded.Contains(path[..i])) return true;
        }

        return false;
    }
}
