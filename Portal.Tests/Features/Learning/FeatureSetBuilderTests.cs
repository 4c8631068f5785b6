using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class FeatureSetBuilderTests
{
    [Fact]
    public void Features_are_grouped_by_namespace_index_keeping_insertion_order_within_a_group()
    {
        var set = new FeatureSetBuilder()
            .AddNumber("user", "age", 3).AddNumber("device", "w", 2).AddNumber("urgency", "u", 1).AddNumber("user", "n", 4)
            .Build();

        Assert.Equal([(byte)'d', (byte)'u'], set.GroupIndex);
        Assert.Equal([0, 1, 4], set.GroupStart);
        Assert.Equal(["device.w", "user.age", "urgency.u", "user.n"], Enumerable.Range(0, set.Count).Select(set.NameAt));
    }

    [Fact]
    public void Zero_and_non_finite_values_are_dropped_as_vw_does()
    {
        var set = new FeatureSetBuilder().AddNumber("x", "a", 0).AddNumber("x", "b", float.NaN).AddNumber("x", "c", 1).Build();

        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void String_values_hash_with_separators_replaced_like_vw_json()
    {
        var spaced = new FeatureSetBuilder().AddString("u", "city", "New York").Build();
        var underscored = new FeatureSetBuilder().AddString("u", "city", "New_York").Build();

        Assert.Equal(underscored.Hashes, spaced.Hashes);
        Assert.Equal("u.city=New York", spaced.NameAt(0));
    }
}
