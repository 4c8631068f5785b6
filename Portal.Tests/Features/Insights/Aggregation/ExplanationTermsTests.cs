using System.Text;
using System.Text.Json;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Features.Insights.Aggregation;

namespace Portal.Tests.Features.Insights.Aggregation;

public class ExplanationTermsTests
{
    private static IReadOnlyList<FeatureContribution> BySerializer(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    [Fact]
    public void Random_explanations_as_logged_read_as_the_serializer_reads_them_without_it()
    {
        var random = new Random(14);
        string[] names = ["user.visits", "user.ageBand=65+", "user.device=mobile × article.topic=a", "(constant)", "naïve \"quoted\" \\ name", "日本語.特徴", "x[3]"];
        for (var i = 0; i < 500; i++)
        {
            var terms = Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => new FeatureContribution(names[random.Next(names.Length)], (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 8))))
                .ToList();
            var json = JsonSerializer.Serialize<IReadOnlyList<FeatureContribution>>(terms, PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution);
            var read = new List<FeatureContribution>();

            Assert.True(ExplanationTerms.TryRead(Encoding.UTF8.GetBytes(json), read), json);
            Assert.Equal(BySerializer(json), read);
            Assert.Equal(terms, new ExplanationTerms().Read(Encoding.UTF8.GetBytes(json)));
        }
    }

    [Theory]
    [InlineData("""[{"Feature":"user.visits","Contribution":0.5}]""")]
    [InlineData("""[{"contribution":-0.25,"feature":"user.visits","extra":1}]""")]
    [InlineData("""[{"feature":"user.visits"}]""")]
    [InlineData("""[]""")]
    [InlineData("""[{"feature":"a","contribution":1}] trailing""")]
    [InlineData("""not json""")]
    [InlineData("""{"feature":"a","contribution":1}""")]
    public void Any_other_shape_reads_as_the_serializer_reads_it(string json)
    {
        Assert.Equal(BySerializer(json), new ExplanationTerms().Read(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void A_shape_the_fast_path_does_not_know_is_left_to_the_serializer()
    {
        var read = new List<FeatureContribution>();

        Assert.False(ExplanationTerms.TryRead("""[{"Feature":"user.visits","Contribution":0.5}]"""u8, read));
        Assert.Equal([new FeatureContribution("user.visits", 0.5)], new ExplanationTerms().Read("""[{"Feature":"user.visits","Contribution":0.5}]"""u8));
    }
}
