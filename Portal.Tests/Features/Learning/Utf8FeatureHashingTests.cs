using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Portal.Features.Learning;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Learning;

/// <summary>
/// Features hashed from the UTF-8 bytes are exactly those of the former JsonElement reader (kept in the tests as
/// <see cref="JsonElementFeatures"/>): same hashes, values, namespaces and display names, in the same order, with the
/// display labels in their own arrays or in Rank's pooled arena.
/// </summary>
public sealed class Utf8FeatureHashingTests
{
    private static readonly string[] Keys = ["user", "age", "tier", "_text", "_reserved", "tags", "a b", "x|y:z", "ü", "日本", "42", " pad ", "latLong", "e\"q"];
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Every_feature_list_of_the_reference_examples_hashes_as_before()
    {
        var lists = 0;
        foreach (var file in Directory.GetFiles(SharedReference.Folder("reference", "personalizer-api"), "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var list in FeatureLists(document.RootElement))
            {
                AssertSame(JsonElementFeatures.Parse(list), PersonalizerFeatures.Parse(list), file);
                lists++;
            }
        }
        Assert.True(lists >= 10, $"only {lists} feature lists found in the reference examples");
    }

    [Fact]
    public void Random_feature_objects_hash_as_before_with_and_without_audit_only_features()
    {
        var excluded = new HashSet<string>(["user.age", "tags", "user.tier.x", "latLong[1]"], StringComparer.Ordinal);
        var property = Prop.ForAll(Arb.From(Gen.Zip(Gen.Sized(size => FeatureObject(Math.Min(size, 12))), Gen.Elements(true, false))), pair =>
        {
            var (node, escapeAll) = pair;
            var json = "[" + (escapeAll ? node.ToJsonString() : node.ToJsonString(Raw)) + "]";
            using var document = JsonDocument.Parse(json);
            var list = document.RootElement.EnumerateArray().ToArray();
            var same = Same(JsonElementFeatures.Parse(list), PersonalizerFeatures.Parse(list))
                && Same(JsonElementFeatures.Parse(list, excluded), PersonalizerFeatures.Parse(list, excluded));
            // As Rank builds them: several sets' labels in one pooled arena (the second at an offset), the same names.
            var arena = FeatureLabelArena.Rent();
            same = same && Same(JsonElementFeatures.Parse(list), PersonalizerFeatures.Parse(list, null, arena))
                && Same(JsonElementFeatures.Parse(list, excluded), PersonalizerFeatures.Parse(list, excluded, arena));
            FeatureLabelArena.Return(arena);
            return same.Label(json);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Theory]
    [InlineData("""[{"n":1e400,"m":-1e400,"s":"\u0041\u00fc\ud83d\ude00","\u0041ge":3,"_te\u0078t":"a\tb  c"}]""")]
    [InlineData("""[{"user":{"v":[1,0,"x",true,null,[2],{"deep":{"k":"v w"}}]},"big":1e39,"tiny":1e-50}]""")]
    public void Edge_cases_hash_as_before(string json)
    {
        using var document = JsonDocument.Parse(json);
        var list = document.RootElement.EnumerateArray().ToArray();
        AssertSame(JsonElementFeatures.Parse(list), PersonalizerFeatures.Parse(list), json);
    }

    [Fact]
    public void Objects_and_arrays_deeper_than_the_limit_are_cut_where_they_were()
    {
        for (var depth = 30; depth <= 36; depth++)
        {
            var json = "[{\"top\":1," + string.Concat(Enumerable.Range(0, depth).Select(i => $"\"k{i}\":{{\"v{i}\":[{i + 1}],")) + "\"leaf\":1"
                + new string('}', depth) + "}]";
            Edge_cases_hash_as_before(json);
        }
    }

    private static IEnumerable<JsonElement[]> FeatureLists(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "contextFeatures" or "features" && property.Value.ValueKind == JsonValueKind.Array)
                    yield return property.Value.EnumerateArray().ToArray();
                foreach (var nested in FeatureLists(property.Value)) yield return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in FeatureLists(item)) yield return nested;
            }
        }
    }

    private static Gen<JsonObject> FeatureObject(int size) =>
        RandomJson.Object(Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Elements(Keys), RandomJson.Node(size, Keys, Leaf())), n)));

    private static Gen<JsonNode?> Leaf() => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
        ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Elements(0.0, 1e39, -3.5, 1e-46, 7).Select(d => (JsonNode?)JsonValue.Create(d)),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && !HasLoneSurrogate(s)).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements("gold", "a b|c:d", " 123 ", "0042", "naïve café", "tab\there", "emoji 😀 x", "").Select(s => (JsonNode?)JsonValue.Create(s)));

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    private static bool Same(FeatureSet expected, FeatureSet actual) =>
        expected.GroupIndex.AsSpan().SequenceEqual(actual.GroupIndex)
        && expected.GroupStart.AsSpan().SequenceEqual(actual.GroupStart)
        && expected.Hashes.AsSpan().SequenceEqual(actual.Hashes)
        && expected.Values.AsSpan().SequenceEqual(actual.Values)
        && Enumerable.Range(0, expected.Count).All(i => expected.NameAt(i) == actual.NameAt(i));

    private static void AssertSame(FeatureSet expected, FeatureSet actual, string source)
    {
        Assert.True(Same(expected, actual),
            $"{source}: expected [{string.Join(", ", Enumerable.Range(0, expected.Count).Select(i => $"{expected.NameAt(i)}:{expected.Hashes[i]}:{expected.Values[i]}"))}] " +
            $"but got [{string.Join(", ", Enumerable.Range(0, actual.Count).Select(i => $"{actual.NameAt(i)}:{actual.Hashes[i]}:{actual.Values[i]}"))}]");
    }
}
