using System.Text.Json;
using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class PersonalizerFeaturesTests
{
    private static FeatureSet Parse(string json, IReadOnlySet<string>? excluded = null) =>
        PersonalizerFeatures.Parse(JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray(), excluded);

    private static string[] Names(FeatureSet set) => Enumerable.Range(0, set.Count).Select(set.NameAt).ToArray();

    [Fact]
    public void Objects_open_namespaces_and_scalars_follow_vw_json_rules()
    {
        var set = Parse("""[{"user":{"profileType":"AnonymousUser","age":31,"vip":true,"optOut":false,"x":null}},{"device":{"mobile":true}},{"score":0.5}]""");

        Assert.Equal(["score", "device.mobile", "user.profileType=AnonymousUser", "user.age", "user.vip"], Names(set));
        Assert.Equal([(byte)' ', (byte)'d', (byte)'u'], set.GroupIndex);
    }

    [Fact]
    public void Hashes_equal_vw_namespace_and_feature_hashing()
    {
        var set = Parse("""[{"user":{"profileType":"AnonymousUser","age":31}}]""");
        var nsHash = MurmurHash3.HashString("user", 0);

        Assert.Equal(MurmurHash3.HashString("profileTypeAnonymousUser", nsHash), set.Hashes[0]);
        Assert.Equal(MurmurHash3.HashString("age", nsHash), set.Hashes[1]);
        Assert.Equal(31f, set.ValueAt(1));
    }

    [Fact]
    public void Numeric_arrays_become_indexed_features_of_a_namespace_named_by_the_key()
    {
        var set = Parse("""[{"user":{"latLong":[47.6,0,-122.1]}}]""");
        var nsHash = MurmurHash3.HashString("latLong", 0);

        Assert.Equal(["user.latLong[0]", "user.latLong[2]"], Names(set));
        Assert.Equal([nsHash, nsHash + 2], set.Hashes);
        Assert.Equal([(byte)'l'], set.GroupIndex);
    }

    [Fact]
    public void Excluded_paths_and_their_children_are_dropped()
    {
        var excluded = new HashSet<string> { "user.age", "device" };
        var set = Parse("""[{"user":{"age":31,"tier":"gold"}},{"device":{"mobile":true,"os":"ios"}}]""", excluded);

        Assert.Equal(["user.tier=gold"], Names(set));
    }

    [Fact]
    public void Underscore_keys_are_ignored_except_text_which_is_split_into_words()
    {
        var set = Parse("""[{"_tag":"x","_text":"red fast car","_private":{"a":1}}]""");

        Assert.Equal(["red", "fast", "car"], Names(set));
    }

    [Theory]
    [InlineData("[]", "")]
    [InlineData("[1, \"a\", null, [1,2]]", "")]
    [InlineData("[{\"a\":[[1],[2]],\"b\":[{\"c\":\"d\"}],\"e\":[\"f\"],\"g\":1e308,\"h\":{}}]", "b.c=d e=f")]
    public void Odd_input_is_skipped_without_throwing_and_the_well_formed_rest_is_kept(string json, string expected)
    {
        var set = Parse(json);

        // Top-level non-objects, arrays of arrays, a number beyond float's range and an empty object add nothing.
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Names(set));
    }

    [Fact]
    public void Parsing_the_same_json_twice_gives_identical_hashes()
    {
        const string json = """[{"user":{"name":"Ann","age":40}},{"x":{"f0":1.5}}]""";
        Assert.Equal(Parse(json).Hashes, Parse(json).Hashes);
    }
}
