using System.Text.Json;
using Portal.Features.Simulation;
// The Personalizer request types (RankRequest, PersonalizerJsonContext, RankRequestValidator): if they move, only this line changes.
using Portal.Contracts.Personalizer;

namespace Portal.Tests.Features.Simulation;

/// <summary>A simulated visit written as a Rank body: valid and complete (the API accepting it is in <see cref="DemoTrafficSimulatorTests"/>).</summary>
public sealed class SimulatedRequestTests
{
    private static readonly SimulatedVisit Visit = new("35-49", "FR", "tablet", ["travel", "food"], "evening");

    [Fact]
    public void A_visit_becomes_a_valid_rank_request_offering_every_article()
    {
        var body = SimulatedRequest.RankBody(Visit, NewsWorld.Articles);

        var request = JsonSerializer.Deserialize(body, PersonalizerJsonContext.Default.RankRequest)!;

        Assert.Null(RankRequestValidator.Validate(request));
        Assert.Equal(NewsWorld.Articles.Select(a => a.Id), request.Actions!.Select(a => a.Id));
        Assert.Null(request.EventId);
        Assert.False(request.DeferActivation);
    }

    [Fact]
    public void The_request_carries_the_visitor_and_each_articles_features()
    {
        var body = SimulatedRequest.RankBody(Visit, NewsWorld.Articles);

        using var json = JsonDocument.Parse(body);

        var context = json.RootElement.GetProperty("contextFeatures")[0];
        Assert.Equal(("35-49", "FR", "tablet"), (context.GetProperty("user").GetProperty("ageBand").GetString(),
            context.GetProperty("user").GetProperty("country").GetString(), context.GetProperty("user").GetProperty("device").GetString()));
        Assert.Equal(["travel", "food"], context.GetProperty("interests").EnumerateObject().Where(p => p.Value.GetBoolean()).Select(p => p.Name));
        Assert.Equal("evening", context.GetProperty("time").GetProperty("timeOfDay").GetString());
        var beaches = json.RootElement.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "hidden-beaches");
        var article = beaches.GetProperty("features")[0].GetProperty("article");
        Assert.Equal(("travel", "gallery", 2), (article.GetProperty("topic").GetString(), article.GetProperty("format").GetString(),
            article.GetProperty("lengthMinutes").GetInt32()));
    }
}
