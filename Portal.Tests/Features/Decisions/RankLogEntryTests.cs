using System.Text;
using System.Text.Json;
using Portal.Contracts;
using Portal.Contracts.Personalizer;
using Portal.Features.Decisions;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions;

/// <summary>
/// What Rank logs beside the request is written into pooled buffers by hand: it must be the very text the serializer
/// wrote before (the decision page, exports and the Why page read it), and the same hashed-features record.
/// </summary>
public sealed class RankLogEntryTests
{
    public static TheoryData<string> Texts() =>
    [
        "a3", "user.tier=gold", "ümlaut=Grüße", "quote\"and\\backslash", "<script>&'+", "tab\tnew\nline\u0001", "emoji 😀", "",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Ranking_and_explanation_json_are_the_serializers_text(string text)
    {
        RankedAction[] ranking = [new(text, 0.9000000000000001), new("b", 1e-17), new("c", 0), new("d", 1)];
        FeatureContribution[] explanation = [new(text, -0.123456789012345), new("(constant)", 12345678.9), new("x × y", double.Epsilon)];
        var entry = RankLogEntry.Rent();
        try
        {
            entry.WriteJson(ranking, explanation);

            Assert.Equal(JsonSerializer.Serialize(ranking, PersonalizerJsonContext.Default.IReadOnlyListRankedAction), Encoding.UTF8.GetString(entry.RankingJson.Span));
            Assert.Equal(JsonSerializer.Serialize(explanation, PersonalizerJsonContext.Default.IReadOnlyListFeatureContribution), Encoding.UTF8.GetString(entry.ExplanationJson.Span));
        }
        finally
        {
            RankLogEntry.Return(entry);
        }
    }

    [Fact]
    public void An_empty_explanation_is_an_empty_array()
    {
        var entry = RankLogEntry.Rent();
        entry.WriteJson([new RankedAction("a", 1)], []);

        Assert.Equal("[]", Encoding.UTF8.GetString(entry.ExplanationJson.Span));
        RankLogEntry.Return(entry);
    }

    [Fact]
    public void The_pooled_features_record_is_the_same_as_a_fresh_one()
    {
        var request = JsonSerializer.Deserialize(RankPayloads.Valid(actions: 5).ToJsonString(), PersonalizerJsonContext.Default.RankRequest)!;
        var (context, actions) = RequestFeatures.Of(request, null);
        var entry = RankLogEntry.Rent();

        var pooled = entry.WriteFeatures(context, actions, 2, 77).ToArray();

        Assert.Equal(LearnerFeatureRecord.Write(context, actions, 2, 77), pooled);
        RankLogEntry.Return(entry);
    }

    [Fact]
    public void A_body_that_is_not_valid_utf8_is_logged_as_the_string_it_decodes_to_as_before()
    {
        byte[] body = [.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var logged = new LoggedText(body);

        Assert.False(logged.IsUtf8);
        Assert.Equal(Encoding.UTF8.GetString(body), logged.AsString());
    }
}
