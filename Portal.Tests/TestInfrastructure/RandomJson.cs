using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Random JSON for property tests: leaves, arrays and objects (keys from a given list) nested up to a size.</summary>
public static class RandomJson
{
    public static Gen<JsonNode?> Node(int size, string[] keys, Gen<JsonNode?> leaf) => size <= 0
        ? leaf
        : Gen.OneOf(
            leaf,
            Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Node(size / 3, keys, leaf), n)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
            Object(Gen.ListOf(Gen.Zip(Gen.Elements(keys), Node(size / 3, keys, leaf)))).Select(o => (JsonNode?)o));

    /// <summary>An object of the generated key/value pairs (a repeated key keeps its last value).</summary>
    public static Gen<JsonObject> Object<TPairs>(Gen<TPairs> pairs) where TPairs : IEnumerable<(string, JsonNode?)> => pairs.Select(list =>
    {
        var obj = new JsonObject();
        foreach (var (key, value) in list) obj[key] = value?.DeepClone();
        return obj;
    });
}
