using System.Globalization;
using System.Text.Json;
using Portal.Features.Feedback;
using Portal.Features.Segments;

namespace Portal.Tests.Features.Feedback;

public sealed class TicketContextTests
{
    private static readonly JsonElement Context = JsonDocument.Parse(
        """
        [{"user": {"ageBand": "65+", "visits": 7, "premium": true, "newsletter": false, "tags": ["news", "sport"], "_id": "u-1"}},
         {"device": {"type": "mobile"}}]
        """).RootElement.Clone();

    [Fact]
    public void Every_row_stored_with_a_ticket_is_one_a_segment_can_match()
    {
        var rows = TicketContext.ValuesOf(Context);
        var decision = Context.EnumerateArray().ToList();

        Assert.Equal(6, rows.Count);
        foreach (var row in rows)
        {
            var value = row.Text ?? row.Number!.Value.ToString("R", CultureInfo.InvariantCulture);
            var segment = SegmentPredicate.Compile(new SegmentDefinition(SegmentMatch.All, [new(row.Feature, ConditionOperator.Equals, [value])]));
            Assert.True(segment.Matches(decision), $"{row.Feature} = {value}");
        }
    }

    [Fact]
    public void The_ticket_page_shows_one_line_per_feature_with_a_lists_values_joined_and_no_reserved_or_false_ones()
    {
        Assert.Equal([("user.ageBand", "65+"), ("user.visits", "7"), ("user.premium", "true"), ("user.tags", "news, sport"), ("device.type", "mobile")],
            TicketContext.Lines(Context));
    }

    [Fact]
    public void Texts_too_long_to_filter_on_are_left_out_and_a_huge_context_is_capped()
    {
        var many = string.Join(',', Enumerable.Range(0, 500).Select(i => $"\"f{i}\": \"v\""));
        var json = JsonDocument.Parse($$"""[{"long": "{{new string('x', TicketContext.MaxTextLength + 1)}}", "short": "ok"}, { {{many}} }]""").RootElement;

        var rows = TicketContext.ValuesOf(json);

        Assert.Equal(TicketContext.MaxValues, rows.Count);
        Assert.DoesNotContain(rows, r => r.Feature == "long");
        Assert.Equal("short", rows[0].Feature);
    }
}
