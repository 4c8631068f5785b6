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
    public void A_cleared_builder_groups_the_next_set_by_its_own_namespaces_only()
    {
        var builder = new FeatureSetBuilder().AddNumber("zone", "z", 1).AddNumber("app", "a", 2);
        builder.Build();
        builder.Clear();

        var next = builder.AddNumber("mood", "m", 3).AddNumber("mood", "n", 4).Build();

        Assert.Equal([(byte)'m'], next.GroupIndex);
        Assert.Equal([0, 2], next.GroupStart);
        Assert.Equal(["mood.m", "mood.n"], Enumerable.Range(0, next.Count).Select(next.NameAt));
    }

    [Fact]
    public void Every_possible_namespace_index_can_be_a_group_of_its_own()
    {
        // One namespace per possible first UTF-8 byte: 128 ASCII characters and the lead bytes of 2-, 3- and 4-byte characters.
        var codePoints = Enumerable.Range(0, 0x80)
            .Concat(Enumerable.Range(2, 30).Select(lead => lead << 6))
            .Concat(Enumerable.Range(0, 16).Select(lead => lead << 12).Where(c => c >= 0x800))
            .Concat(Enumerable.Range(0, 5).Select(lead => Math.Max(0x1_0000, lead << 18)));
        var names = codePoints.Select(c => char.ConvertFromUtf32(c) + "ns").Reverse().ToList();
        var builder = new FeatureSetBuilder();
        foreach (var name in names) builder.AddNumber(name, "x", 1);

        var set = builder.Build();

        var firstBytes = names.Select(n => System.Text.Encoding.UTF8.GetBytes(n)[0]).Order().ToList();
        Assert.Equal(names.Count, firstBytes.Distinct().Count());
        Assert.Equal(firstBytes, set.GroupIndex);
        Assert.Equal(Enumerable.Range(0, names.Count + 1), set.GroupStart);
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
