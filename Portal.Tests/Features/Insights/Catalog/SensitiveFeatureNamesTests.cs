using Microsoft.Extensions.Options;
using Portal.Features.Insights;
using Portal.Features.Insights.Catalog;

namespace Portal.Tests.Features.Insights.Catalog;

public sealed class SensitiveFeatureNamesTests
{
    private readonly SensitiveFeatureNames names = new(Options.Create(new InsightsOptions { SensitiveFeatureNames = ["age", "gender", "ethnicity"] }));

    [Theory]
    [InlineData("user.ageBand", true)]
    [InlineData("user.age", true)]
    [InlineData("profile.Gender", true)]
    [InlineData("user.self_reported_ethnicity", true)]
    [InlineData("user.pageViews", false)]
    [InlineData("user.language", false)]
    [InlineData("agent.type", false)]
    [InlineData("interests.sports", false)]
    public void A_name_looks_sensitive_when_one_of_its_words_is_on_the_list(string path, bool sensitive)
    {
        Assert.Equal(sensitive, names.LooksSensitive(path));
    }

    [Fact]
    public void A_path_splits_into_words_at_dots_underscores_and_camel_case()
    {
        Assert.Equal(["user", "age", "Band", "x"], SensitiveFeatureNames.Words("user.ageBand_x"));
    }
}
