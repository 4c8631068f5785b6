using System.Text.Json;
using Portal.Data.Entities;
using Portal.Features.Decisions.LogExport;
using static Portal.Tests.Features.Decisions.LogExport.LogExportSamples;

namespace Portal.Tests.Features.Decisions.LogExport;

/// <summary>A logged decision written as a DSJSON line and read back by <see cref="DsjsonReader"/>.</summary>
public sealed class DsjsonLineTests
{
    [Fact]
    public void A_line_round_trips_with_the_exact_probabilities_and_cost()
    {
        var line = Line(Event(), Rules());

        var read = DsjsonReader.Read(line);

        Assert.Equal(0.7000000000000001, read.Probability);
        Assert.Equal([0.7000000000000001, 0.19999999999999998, 0.1], read.Probabilities);
        Assert.Equal(-0.30000000000000004, read.Cost);
        Assert.Equal(0.30000000000000004, read.Reward);
        Assert.Equal(("event-1", At), (read.EventId, read.Timestamp));
        Assert.False(read.SkipLearn);
    }

    [Fact]
    public void Labels_are_the_chosen_actions_place_in_multi_and_a_is_the_ranking_one_based()
    {
        var read = DsjsonReader.Read(Line(Event(), Rules()));

        Assert.Equal(["news", "sports", "weather, \"today\""], read.Multi.Select(m => m.Tag));
        Assert.Equal((2, 1, "sports"), (read.LabelAction, read.LabelIndex, read.ChosenActionId));
        Assert.Equal([2, 1, 3], read.Actions);
        Assert.Equal("politics", read.Multi[0].Features.GetProperty("article").GetProperty("topic").GetString());
    }

    [Fact]
    public void The_line_has_Personalizers_fields_in_its_order_and_one_line_only()
    {
        var line = Line(Event(), Rules());

        var names = JsonDocument.Parse(line).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["_label_cost", "_label_probability", "_label_Action", "_labelIndex", "Timestamp", "Version", "EventId", "a", "c", "p", "VWState"], names);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"Timestamp\":\"2026-03-04T05:06:07.8910000Z\"", line);
    }

    [Fact]
    public void Context_keeps_features_and_text_and_drops_the_user_id_and_reserved_keys()
    {
        var read = DsjsonReader.Read(Line(Event(), Rules()));

        Assert.Equal("65+", read.Context.GetProperty("user").GetProperty("ageBand").GetString());
        Assert.Equal("DE", read.Context.GetProperty("country").GetString());
        Assert.Equal("late night", read.Context.GetProperty("_text").GetString());
        Assert.False(read.Context.TryGetProperty("_userId", out _));
    }

    [Fact]
    public void Audit_only_features_leave_the_context_and_the_actions_with_what_lies_inside_them()
    {
        var line = Line(Event(), Rules("user.ageBand", "device", "article.length"));

        var read = DsjsonReader.Read(line);
        Assert.False(read.Context.GetProperty("user").TryGetProperty("ageBand", out _));
        Assert.Equal("gold", read.Context.GetProperty("user").GetProperty("tier").GetString());
        Assert.False(read.Context.TryGetProperty("device", out _));
        Assert.DoesNotContain("65+", line);
        Assert.DoesNotContain("mobile", line);
        Assert.False(read.Multi[0].Features.GetProperty("article").TryGetProperty("length", out _));
    }

    [Fact]
    public void A_decision_without_a_reward_carries_the_loops_default_reward()
    {
        var read = DsjsonReader.Read(Line(Event(reward: null), Rules()));

        Assert.Equal(0.25, read.Cost);
    }

    [Fact]
    public void A_zero_reward_is_a_zero_cost_not_minus_zero()
    {
        var line = Line(Event(reward: 0), Rules());

        Assert.Contains("\"_label_cost\":0,", line);
    }

    [Theory]
    [InlineData(OversightEffects.RuleApplied, LearningMode.Online, false)]
    [InlineData(OversightEffects.None, LearningMode.LoggingOnly, false)]
    [InlineData(OversightEffects.None, LearningMode.Online, true)]
    public void Decisions_the_trainer_does_not_learn_from_carry_skipLearn(OversightEffects oversight, LearningMode mode, bool flagged)
    {
        var read = DsjsonReader.Read(Line(Event(oversight: oversight, mode: mode, flagged: flagged), Rules()));

        Assert.True(read.SkipLearn);
    }

    [Fact]
    public void An_opted_out_decision_has_an_empty_context_its_ranking_as_candidates_and_skipLearn()
    {
        var logged = Event(chosen: "news", probability: 1, ranking: """[{"id":"news","probability":1},{"id":"sports","probability":0}]""",
            request: "{}", oversight: OversightEffects.OptedOut);

        var read = DsjsonReader.Read(Line(logged, Rules()));

        Assert.Empty(read.Context.EnumerateObject());
        Assert.Equal(["news", "sports"], read.Multi.Select(m => m.Tag));
        Assert.All(read.Multi, m => Assert.Empty(m.Features.EnumerateObject()));
        Assert.Equal([1, 2], read.Actions);
        Assert.Equal((0, 1.0), (read.LabelIndex, read.Probability));
        Assert.True(read.SkipLearn);
    }

    [Fact]
    public void A_decision_whose_ranking_names_an_action_it_did_not_send_is_not_exported()
    {
        var logged = Event(ranking: """[{"id":"sports","probability":0.5},{"id":"ghost","probability":0.5}]""");

        Assert.Null(ExportedDecision.Read(logged, Rules()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"_labelIndex":0,"c":{}}""")]
    [InlineData("""{"_labelIndex":3,"c":{"_multi":[{}]},"EventId":"e"}""")]
    public void The_reader_refuses_lines_that_are_not_events_by_saying_why(string line)
    {
        var error = Assert.Throws<FormatException>(() => DsjsonReader.Read(line));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
