using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Portal.Contracts.Personalizer;
using Portal.Features.Decisions;

namespace Portal.Tests.Features.Decisions;

/// <summary>Rank's answer is written by hand into a reused buffer: it must be the serializer's text, with its length, whatever came before it on the thread.</summary>
public sealed class RankAnswerTests
{
    [Fact]
    public async Task The_answer_is_the_serializers_text_with_status_type_and_length()
    {
        var response = new RankResponse([new("ümlaut \"a\" <b>", 0.9000000000000001), new("b", 1e-17)], "event-1", "ümlaut \"a\" <b>", Explored: false,
            ModelVersion: "7", InferenceExplanation: [new ActionExplanation("b", [new FeatureScore("user.tier=gold", -0.125)])], WhyUrl: "https://x/why?t=a&b");

        var (http, text) = await ExecuteAsync(response);

        Assert.Equal(StatusCodes.Status201Created, http.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", http.Response.ContentType);
        Assert.Equal(JsonSerializer.Serialize(response, PersonalizerJsonContext.Default.RankResponse), text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), http.Response.ContentLength);
    }

    [Fact]
    public async Task A_short_answer_after_a_long_one_carries_nothing_of_it()
    {
        var many = Enumerable.Range(0, 5_000).Select(i => new RankedAction($"action-{i}", 1.0 / 5_000)).ToList();
        await ExecuteAsync(new RankResponse(many, "long", "action-0", false, "1"));
        var small = new RankResponse([new("a", 1)], "short", "a", false, "1", WhyUrl: null, Personalized: false);

        var (http, text) = await ExecuteAsync(small);

        Assert.Equal("""{"ranking":[{"id":"a","probability":1}],"eventId":"short","rewardActionId":"a","explored":false,"modelVersion":"1","personalized":false}""", text);
        Assert.Equal(text.Length, http.Response.ContentLength);
    }

    private static async Task<(HttpContext Http, string Text)> ExecuteAsync(RankResponse response)
    {
        var http = new DefaultHttpContext();
        var body = new MemoryStream();
        http.Response.Body = body;
        await new RankAnswer(response).ExecuteAsync(http);
        await http.Response.BodyWriter.CompleteAsync();
        return (http, Encoding.UTF8.GetString(body.ToArray()));
    }
}
