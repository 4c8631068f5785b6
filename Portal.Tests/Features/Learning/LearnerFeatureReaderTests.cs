using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

/// <summary>
/// The trainer's reusable decoder gives exactly the feature sets of a fresh decode, however the shapes of consecutive
/// records change (it overwrites the sets of the previous record), and learning through it gives identical weights.
/// </summary>
public sealed class LearnerFeatureReaderTests
{
    private static readonly string[] Namespaces = ["user", "device", "item", "promo", "Action", " "];

    [Fact]
    public void Consecutive_records_of_changing_shapes_read_as_a_fresh_decode_reads_each()
    {
        var reader = new LearnerFeatureReader();
        var random = new Random(5);
        for (var i = 0; i < 500; i++)
        {
            var record = RandomRecord(random, out _, out _);
            Assert.True(LearnerFeatureRecord.TryRead(record, 0, out var expectedContext, out var expectedActions, out var expectedChosen));
            Assert.True(reader.TryRead(record, 0, out var context, out var actions, out var chosen));
            Assert.Equal(expectedChosen, chosen);
            AssertSame(expectedContext, context);
            Assert.Equal(expectedActions.Length, actions.Length);
            for (var a = 0; a < actions.Length; a++) AssertSame(expectedActions[a], actions[a]);
        }
    }

    [Fact]
    public void Learning_through_one_reader_gives_the_weights_of_learning_from_the_sets_as_built()
    {
        var policy = PolicyParser.Parse(PolicyParser.PortalDefault + " -q ::");
        var fromSets = new OnlineLearner(policy);
        var fromReader = new OnlineLearner(policy);
        var reader = new LearnerFeatureReader();
        var random = new Random(9);
        for (var i = 0; i < 400; i++)
        {
            var record = RandomRecord(random, out var context, out var actions);
            var chosen = LearnerFeatureRecord.ChosenOf(record);
            var (p, reward) = (0.1 + random.NextDouble() * 0.9, random.NextDouble());
            fromSets.Learn(context, actions, chosen, p, reward);
            Assert.True(reader.TryRead(record, 0, out var readContext, out var readActions, out var readChosen));
            fromReader.Learn(readContext, readActions, readChosen, p, reward);
        }

        Assert.Equal(fromSets.State.ExportWeights(), fromReader.State.ExportWeights());
    }

    [Fact]
    public void A_damaged_record_or_another_fingerprint_is_not_read()
    {
        var record = RandomRecord(new Random(2), out _, out _);
        var reader = new LearnerFeatureReader();
        foreach (var damaged in new[] { record[..^1], [2, .. record[1..]], [], [.. record, 0] })
            Assert.False(reader.TryRead(damaged, 0, out _, out _, out _));
        Assert.False(reader.TryRead(record, 7, out _, out _, out _));
        Assert.True(reader.TryRead(record, 0, out _, out _, out _));
    }

    private static void AssertSame(FeatureSet expected, FeatureSet actual)
    {
        Assert.Equal(expected.GroupIndex, actual.GroupIndex);
        Assert.Equal(expected.GroupStart, actual.GroupStart);
        Assert.Equal(expected.Hashes, actual.Hashes);
        Assert.Equal(expected.Values, actual.Values);
    }

    /// <summary>A record of 1–8 actions whose sets have 0–12 features over a random choice of namespaces.</summary>
    private static byte[] RandomRecord(Random random, out FeatureSet context, out FeatureSet[] actions)
    {
        context = RandomSet(random);
        actions = new FeatureSet[random.Next(1, 9)];
        for (var a = 0; a < actions.Length; a++) actions[a] = RandomSet(random);
        return LearnerFeatureRecord.Write(context, actions, random.Next(actions.Length), 0);
    }

    private static FeatureSet RandomSet(Random random)
    {
        var builder = new FeatureSetBuilder();
        var count = random.Next(13);
        for (var f = 0; f < count; f++)
        {
            var ns = Namespaces[random.Next(Namespaces.Length)];
            if (random.Next(2) == 0) builder.AddString(ns, $"k{random.Next(6)}", $"v{random.Next(4)}");
            else builder.AddNumber(ns, $"n{random.Next(6)}", (float)(random.NextDouble() * 10 - 5));
        }
        return builder.Build();
    }
}
