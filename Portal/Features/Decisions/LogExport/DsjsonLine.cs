using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// One decision as a line of Vowpal Wabbit's decision-service JSON, the shape Personalizer wrote its logs in (VW's
/// <c>--dsjson --cb_explore_adf</c> reads it): <c>_label_cost</c> (the negated reward), <c>_label_probability</c>,
/// <c>_label_Action</c> (1-based) and <c>_labelIndex</c> (0-based) of the chosen action in <c>_multi</c>;
/// <c>Timestamp</c>, <c>Version</c>, <c>EventId</c>; <c>a</c>, the ranking as 1-based indices into <c>_multi</c>, and
/// <c>p</c>, its probabilities; <c>c</c>, the context's features and <c>_multi</c>, each candidate's features tagged
/// with its id; <c>VWState.m</c>, the loop and model version. A decision the trainer does not learn from carries
/// <c>_skipLearn: true</c>, so a replay skips it too.
/// </summary>
public static class DsjsonLine
{
    /// <summary>A file for machines, never embedded in HTML: letters and quotes stay readable.</summary>
    public static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public const string Version = "1";

    // Names encoded once: a line is mostly its fixed names.
    private static readonly JsonEncodedText SkipLearn = JsonEncodedText.Encode("_skipLearn"), LabelCost = JsonEncodedText.Encode("_label_cost"),
        LabelProbability = JsonEncodedText.Encode("_label_probability"), LabelAction = JsonEncodedText.Encode("_label_Action"),
        LabelIndex = JsonEncodedText.Encode("_labelIndex"), TimestampName = JsonEncodedText.Encode("Timestamp"), VersionName = JsonEncodedText.Encode("Version"),
        VersionValue = JsonEncodedText.Encode(Version), EventIdName = JsonEncodedText.Encode("EventId"), Actions = JsonEncodedText.Encode("a"),
        Context = JsonEncodedText.Encode("c"), Multi = JsonEncodedText.Encode("_multi"), ProbabilitiesName = JsonEncodedText.Encode("p"),
        State = JsonEncodedText.Encode("VWState"), Model = JsonEncodedText.Encode("m"), Tag = JsonEncodedText.Encode("_tag");

    public static void Write(Utf8JsonWriter json, ExportedDecision d, LoopExportRules rules)
    {
        var logged = d.Logged;
        json.WriteStartObject();
        if (!d.Learned) json.WriteBoolean(SkipLearn, true);
        json.WriteNumber(LabelCost, d.Cost);
        json.WriteNumber(LabelProbability, logged.ChosenProbability);
        json.WriteNumber(LabelAction, d.ChosenIndex + 1);
        json.WriteNumber(LabelIndex, d.ChosenIndex);
        // One scratch buffer for the timestamp, then the model tag (a loop id is at most 64 characters).
        Span<char> text = stackalloc char[96];
        json.WriteString(TimestampName, text[..FormatTimestamp(logged.CreatedAt, text)]);
        json.WriteString(VersionName, VersionValue);
        json.WriteString(EventIdName, logged.EventId);
        json.WriteStartArray(Actions);
        foreach (var index in d.Ranking) json.WriteNumberValue(index + 1);
        json.WriteEndArray();
        json.WriteStartObject(Context);
        FeatureCopier.WriteProperties(json, d.Context, rules);
        json.WriteStartArray(Multi);
        for (var i = 0; i < d.ActionIds.Length; i++)
        {
            json.WriteStartObject();
            json.WriteString(Tag, d.ActionIds[i]);
            FeatureCopier.WriteProperties(json, d.ActionFeatures(i), rules);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray(ProbabilitiesName);
        foreach (var probability in d.Probabilities) json.WriteNumberValue(probability);
        json.WriteEndArray();
        json.WriteStartObject(State);
        json.WriteString(Model, ModelTag(rules.LoopId, logged.ModelVersion, text));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // "O" on a UTC time is Personalizer's form, and a format .NET writes without parsing a pattern.
    private const string TimestampFormat = "O";

    /// <summary>Personalizer's form: UTC with seven fraction digits and a Z.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    // The per-line values are formatted into stack memory: a million-line export makes no string of either.
    private static int FormatTimestamp(DateTimeOffset at, Span<char> destination) =>
        at.UtcDateTime.TryFormat(destination, out var written, TimestampFormat, CultureInfo.InvariantCulture) ? written
            : throw new InvalidOperationException("a timestamp is 28 characters");

    /// <summary>"loop/version", in <paramref name="scratch"/> when it fits (loop ids are short), else as a string.</summary>
    private static ReadOnlySpan<char> ModelTag(string loopId, long version, Span<char> scratch)
    {
        if (loopId.Length + 1 < scratch.Length)
        {
            loopId.CopyTo(scratch);
            scratch[loopId.Length] = '/';
            if (version.TryFormat(scratch[(loopId.Length + 1)..], out var digits, provider: CultureInfo.InvariantCulture))
                return scratch[..(loopId.Length + 1 + digits)];
        }
        return loopId + "/" + version.ToString(CultureInfo.InvariantCulture);
    }
}
