using Portal.Contracts;
using Portal.Features.Insights.Statistics;
using Portal.Features.Learning;

namespace Portal.Tests.Features.Insights.Statistics;

public sealed class FeatureAttributionTests
{
    [Fact]
    public void Terms_add_up_per_feature_and_namespace_with_interactions_split_in_half()
    {
        // user.ageBand: 0.4 + (−0.2)/2 = 0.3      interests.sports: 0.6/2 = 0.3
        // article.topic: 0.6/2 + (−0.2)/2 = 0.2   user.latLong: −0.3           (constant): left out
        // namespaces: user 0.3 − 0.3 = 0, interests 0.3, article 0.2
        FeatureContribution[] terms =
        [
            new("user.ageBand=65+", 0.4),
            new("interests.sports × article.topic=sports", 0.6),
            new("(constant)", 0.1),
            new("user.ageBand=65+ × article.topic=sports", -0.2),
            new("user.latLong[0]", -0.3),
        ];
        var byFeature = new Dictionary<string, double>();
        var byNamespace = new Dictionary<string, double>();

        FeatureAttribution.Attribute(terms, byFeature, byNamespace);

        Assert.Equal(4, byFeature.Count);
        Assert.Equal(0.3, byFeature["user.ageBand"], 12);
        Assert.Equal(0.3, byFeature["interests.sports"], 12);
        Assert.Equal(0.2, byFeature["article.topic"], 12);
        Assert.Equal(-0.3, byFeature["user.latLong"], 12);
        Assert.Equal(0, byNamespace["user"], 12);
        Assert.Equal(0.3, byNamespace["interests"], 12);
        Assert.Equal(0.2, byNamespace["article"], 12);
    }

    [Theory]
    [InlineData("age", "age", "(default)")]
    [InlineData("user.tier=gold", "user.tier", "user")]
    [InlineData("user.address.city=Lyon", "user.address.city", "address")]
    [InlineData("user.latLong[1]", "user.latLong", "user")]
    public void A_label_names_its_feature_and_namespace(string label, string feature, string ns)
    {
        Assert.Equal(feature, FeatureAttribution.FeatureOf(label));
        Assert.Equal(ns, FeatureAttribution.NamespaceOf(feature));
    }
}
