using System.Text;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Learning;

/// <summary>
/// Reads a Rank body (as received, or as logged) in one pass of <see cref="Utf8JsonReader"/> and hashes each feature object as it passes
/// (<see cref="Utf8FeatureWalker"/> into the learner's builder), counting the scalar features as validation counts them:
/// no document over the body, no second walk for hashing or for validation. Only the context's list becomes a (small)
/// document, since opt-out, oversight rules and the live stream read its elements. An action's features stay ranges of
/// the body (<see cref="FeatureList"/>). Anything unusual — a wrong type, an escaped or repeated property name, an item
/// that is not an object, a set over the limit or with a number that is not finite, text that is not JSON — returns
/// null, and the caller reads the body with the serializer, which stays the reference for what is accepted and for
/// every error message. An actions list sent again byte for byte (an application sends its catalog with every Rank) is
/// not read again: see <see cref="RepeatedActionLists"/>.
/// </summary>
internal static class RankBodyReader
{
    private const int ContextFeaturesSeen = 1, ActionsSeen = 2, ExcludedSeen = 4, EventIdSeen = 8, DeferSeen = 16;

    private static readonly RepeatedActionLists Repeated = new();

    /// <summary>The reader's state right after a list that is a property of the request object: where a repeated list ends.</summary>
    private static readonly JsonReaderState AfterListInRequest = StateAfter("{\"actions\":[]"u8, tokens: 4);

    /// <summary>
    /// The request in <paramref name="body"/> with its features hashed (the context without <paramref name="auditOnlyFeatures"/>),
    /// or null when the serializer must read it. The body must not change until the result is disposed.
    /// </summary>
    public static HashedRankRequest? TryRead(ReadOnlyMemory<byte> body, IReadOnlySet<string>? auditOnlyFeatures)
    {
        var read = new Reading(body, auditOnlyFeatures is { Count: > 0 } ? auditOnlyFeatures : null, Repeated);
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (read.Request(ref reader) is { } request)
                return new HashedRankRequest(request, new RequestFeatures(read.ContextSet, read.ActionSets), read.ActionsText, read.Context, read.Labels);
        }
        catch (JsonException)
        {
            // Not JSON (or deeper than the serializer reads): the serializer words the answer.
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8: the serializer decides what to answer.
        }
        read.Release();
        return null;
    }

    private static JsonReaderState StateAfter(ReadOnlySpan<byte> json, int tokens)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        for (var i = 0; i < tokens; i++) reader.Read();
        return reader.CurrentState;
    }

    /// <summary>Lists reused by this thread's readings (a reading never awaits): only the final, exact-size arrays are allocated.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        public readonly List<int> Bounds = new(64);
        public readonly List<RankableAction> Actions = new(64);
        public readonly List<FeatureSet> Sets = new(64);

        public static Scratch Get() => current ??= new Scratch();
    }

    /// <summary>
    /// One body's reading: what has been read so far, and the buffers to give back if it is declined. With
    /// <paramref name="repeated"/>, an actions list is looked up there first and offered to it once read.
    /// </summary>
    private sealed class Reading(ReadOnlyMemory<byte> body, IReadOnlySet<string>? auditOnly, RepeatedActionLists? repeated = null)
    {
        private readonly (FeatureSetBuilder Builder, Utf8FeatureWalker Walker) tools = PersonalizerFeatures.ThreadTools();
        private readonly Scratch scratch = Scratch.Get();

        // Where the reader's span starts in the body: past a repeated actions list, a new reader reads the rest.
        private int offset;

        public FeatureLabelArena Labels { get; } = FeatureLabelArena.Rent();

        public LazyFeatureObjects? Context { get; private set; }

        public FeatureSet ContextSet { get; private set; } = FeatureSet.Empty;

        public FeatureSet[] ActionSets { get; private set; } = [];

        /// <summary>Where the actions list lies in the body, brackets included (null: no list).</summary>
        public Range? ActionsText { get; private set; }

        public void Release()
        {
            Context?.Dispose();
            FeatureLabelArena.Return(Labels);
        }

        public RankRequest? Request(ref Utf8JsonReader reader)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            IReadOnlyList<JsonElement>? context = null;
            IReadOnlyList<RankableAction>? actions = null;
            IReadOnlyList<string?>? excluded = null;
            string? eventId = null;
            var defer = false;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // An escaped name might be a known one written differently: the serializer reads those.
                if (reader.ValueIsEscaped) return null;
                var name = reader.ValueSpan;
                reader.Read();
                var ok = Ascii.EqualsIgnoreCase(name, "contextFeatures"u8) ? Once(ref seen, ContextFeaturesSeen) && TryContext(ref reader, out context)
                    : Ascii.EqualsIgnoreCase(name, "actions"u8) ? Once(ref seen, ActionsSeen) && TryActions(ref reader, out actions)
                    : Ascii.EqualsIgnoreCase(name, "excludedActions"u8) ? Once(ref seen, ExcludedSeen) && TryStrings(ref reader, out excluded)
                    : Ascii.EqualsIgnoreCase(name, "eventId"u8) ? Once(ref seen, EventIdSeen) && TryString(ref reader, out eventId)
                    : Ascii.EqualsIgnoreCase(name, "deferActivation"u8) ? Once(ref seen, DeferSeen) && TryBool(ref reader, out defer)
                    : Skip(ref reader); // an unknown property is skipped, as the serializer does
                if (!ok) return null;
            }
            // Whatever follows the object is read too: text after it makes the reader throw (declined).
            while (reader.Read()) { }
            return new RankRequest(context, actions, excluded!, eventId, defer);
        }

        /// <summary>
        /// The context's objects hashed without the audit-only features; its list kept as text, read into elements only if
        /// something asks for one (most Ranks do not).
        /// </summary>
        private bool TryContext(ref Utf8JsonReader reader, out IReadOnlyList<JsonElement>? context)
        {
            context = null;
            if (reader.TokenType == JsonTokenType.Null) return true;
            var start = Position(ref reader);
            scratch.Bounds.Clear();
            if (TrySet(ref reader, auditOnly, trackBounds: true) is not { } set) return false;
            ContextSet = set;
            context = Context = new LazyFeatureObjects(body[start..(Position(ref reader) + 1)], scratch.Bounds.Count / 2, tools.Walker.Leaves);
            scratch.Bounds.Clear();
            return true;
        }

        public bool TryActions(ref Utf8JsonReader reader, out IReadOnlyList<RankableAction>? actions)
        {
            actions = null;
            if (reader.TokenType == JsonTokenType.Null) return true;
            if (reader.TokenType != JsonTokenType.StartArray) return false;
            var start = Position(ref reader);
            if (repeated?.Find(body.Span[start..]) is { } known)
            {
                (actions, ActionSets) = (known.Actions, known.Sets);
                // The same bytes end the list at the same place: a reader over the rest goes on from there.
                offset = start + known.Text.Length;
                ActionsText = start..offset;
                reader = new Utf8JsonReader(body.Span[offset..], isFinalBlock: true, AfterListInRequest);
                return true;
            }
            var (read, sets) = (scratch.Actions, scratch.Sets);
            read.Clear();
            sets.Clear();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                // A null or other non-object action: the serializer reads it, and validation names it.
                if (reader.TokenType != JsonTokenType.StartObject || TryAction(ref reader) is not ({ } action, { } set)) return false;
                read.Add(action);
                sets.Add(set);
            }
            actions = [.. read];
            ActionSets = [.. sets];
            // Emptied so that the thread does not keep this request's objects alive until its next Rank.
            read.Clear();
            sets.Clear();
            ActionsText = start..(Position(ref reader) + 1);
            repeated?.Offer(body[ActionsText.Value]);
            return true;
        }

        /// <summary>Where the reader's current token starts in the body.</summary>
        private int Position(ref Utf8JsonReader reader) => offset + (int)reader.TokenStartIndex;

        private (RankableAction, FeatureSet)? TryAction(ref Utf8JsonReader reader)
        {
            string? id = null;
            FeatureList? features = null;
            var set = FeatureSet.Empty;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueIsEscaped) return null;
                var name = reader.ValueSpan;
                reader.Read();
                bool ok;
                if (Ascii.EqualsIgnoreCase(name, "id"u8))
                {
                    ok = Once(ref seen, 1) && TryString(ref reader, out id);
                }
                else if (Ascii.EqualsIgnoreCase(name, "features"u8))
                {
                    ok = Once(ref seen, 2) && TryFeatures(ref reader, out features, out set);
                }
                else
                {
                    ok = Skip(ref reader);
                }
                if (!ok) return null;
            }
            return (new RankableAction(id, features), set);
        }

        private bool TryFeatures(ref Utf8JsonReader reader, out FeatureList? features, out FeatureSet set)
        {
            (features, set) = (null, FeatureSet.Empty);
            if (reader.TokenType == JsonTokenType.Null) return true;
            var bounds = scratch.Bounds;
            bounds.Clear();
            if (TrySet(ref reader, excluded: null, trackBounds: true) is not { } hashed) return false;
            set = hashed;
            features = FeatureList.OfObjects(body, [.. bounds], bounds.Count / 2, tools.Walker.Leaves);
            return true;
        }

        /// <summary>
        /// A list of feature objects hashed into one set, its scalars counted; null for anything validation would refuse
        /// (an item that is not an object, more than the limit, a number that is not finite) or that is not a list.
        /// </summary>
        private FeatureSet? TrySet(ref Utf8JsonReader reader, IReadOnlySet<string>? excluded, bool trackBounds)
        {
            if (reader.TokenType != JsonTokenType.StartArray) return null;
            var (builder, walker) = tools;
            builder.Clear();
            walker.ResetCount();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) return null;
                if (trackBounds) scratch.Bounds.Add(Position(ref reader));
                walker.Walk(ref reader, builder, excluded);
                if (trackBounds) scratch.Bounds.Add(Position(ref reader) + 1);
            }
            if (walker.SawNonFinite || walker.Leaves > RankRequestValidator.MaxFeaturesPerSet) return null;
            return builder.Build(Labels);
        }

        private static bool TryStrings(ref Utf8JsonReader reader, out IReadOnlyList<string?>? strings)
        {
            strings = null;
            if (reader.TokenType == JsonTokenType.Null) return true;
            if (reader.TokenType != JsonTokenType.StartArray) return false;
            var items = new List<string?>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (!TryString(ref reader, out var text)) return false;
                items.Add(text);
            }
            strings = items;
            return true;
        }

        private static bool TryString(ref Utf8JsonReader reader, out string? text)
        {
            text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
        }

        private static bool TryBool(ref Utf8JsonReader reader, out bool flag)
        {
            flag = reader.TokenType == JsonTokenType.True;
            return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
        }

        private static bool Skip(ref Utf8JsonReader reader)
        {
            reader.Skip();
            return true;
        }

        private static bool Once(ref int seen, int flag)
        {
            if ((seen & flag) != 0) return false;
            seen |= flag;
            return true;
        }
    }

    /// <summary>
    /// Actions lists that come again byte for byte, kept read and hashed: a body whose list starts with the same bytes as
    /// a kept one has that very list (the same bytes end it at the same place), so its actions and feature sets, which are
    /// immutable, are shared instead of read again. A list is kept the second time it is offered (the first time only its
    /// fingerprint is remembered), so that bodies whose lists always differ pay one hash per Rank and nothing more. At
    /// most <see cref="Slots"/> lists of at most <see cref="MaxListBytes"/> each, the oldest replaced first; lock-free:
    /// a slot is replaced whole, and a lost race only means a list is read once more. Only actions lists are kept (an
    /// application's catalog), never a context: nothing about a user outlives their Rank here.
    /// </summary>
    private sealed class RepeatedActionLists
    {
        private const int Slots = 8, Fingerprints = 16, MaxListBytes = 64 * 1024;

        private readonly KnownList?[] lists = new KnownList?[Slots];
        private readonly ulong[] seenOnce = new ulong[Fingerprints];
        private int nextList, nextFingerprint;

        public KnownList? Find(ReadOnlySpan<byte> rest)
        {
            foreach (var list in lists)
            {
                if (list is not null && rest.StartsWith(list.Text)) return list;
            }
            return null;
        }

        /// <summary>A list just read (its bytes, brackets included): kept if it was offered before.</summary>
        public void Offer(ReadOnlyMemory<byte> text)
        {
            if (text.Length > MaxListBytes) return;
            var fingerprint = MurmurHash3.LengthAndHash(text.Span);
            if (Array.IndexOf(seenOnce, fingerprint) < 0)
            {
                seenOnce[(uint)Interlocked.Increment(ref nextFingerprint) % Fingerprints] = fingerprint;
                return;
            }
            // Ranks racing on a list's second offer would each keep a copy and push other lists out: one is enough.
            if (Find(text.Span) is null && Read(text.ToArray()) is { } list) lists[(uint)Interlocked.Increment(ref nextList) % Slots] = list;
        }

        /// <summary>The list read from its own copy of the bytes, its sets' labels in an arena of its own (never returned).</summary>
        private static KnownList? Read(byte[] text)
        {
            var reading = new Reading(text, auditOnly: null);
            try
            {
                var reader = new Utf8JsonReader(text);
                if (reader.Read() && reading.TryActions(ref reader, out var actions) && actions is not null && !reader.Read())
                    return new KnownList(text, actions, reading.ActionSets);
            }
            catch (JsonException)
            {
                // Read once already, so not expected: the list is simply not kept.
            }
            reading.Release();
            return null;
        }
    }

    /// <summary>A kept actions list: its bytes, and the actions and feature sets read from them.</summary>
    private sealed record KnownList(byte[] Text, IReadOnlyList<RankableAction> Actions, FeatureSet[] Sets);
}

/// <summary>
/// A Rank request read by <see cref="RankBodyReader"/> with its hashed features. The context's elements, the action
/// feature ranges and the sets' labels are valid only until this is disposed (after the decision is made).
/// </summary>
internal sealed class HashedRankRequest(RankRequest request, RequestFeatures features, Range? actionsText, LazyFeatureObjects? context,
    FeatureLabelArena labels) : IDisposable
{
    public RankRequest Request { get; } = request;

    public RequestFeatures Features { get; } = features;

    /// <summary>Where the actions list lies in the body, brackets included (null: no list); the log stores a list sent again apart.</summary>
    public Range? ActionsText { get; } = actionsText;

    public void Dispose()
    {
        context?.Dispose();
        FeatureLabelArena.Return(labels);
    }
}
