using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Features.Oversight.Review;
using Portal.Features.Training;

namespace Portal.Tests.Features.Training;

/// <summary>What the decision page says about learning is what the trainer then does, for every kind of decision.</summary>
public sealed class LearnabilityTests
{
    private const string Request = """{"contextFeatures":[{"user":{"tier":"gold"}}],"actions":[{"id":"a","features":[{"k":"x"}]},{"id":"b","features":[{"k":"y"}]}]}""";

    public static TheoryData<LearningMode, OversightEffects, bool, bool, bool, double> Decisions()
    {
        var cases = new TheoryData<LearningMode, OversightEffects, bool, bool, bool, double>();
        foreach (var mode in new[] { LearningMode.Online, LearningMode.Apprentice, LearningMode.LoggingOnly })
        foreach (var effects in new[] { OversightEffects.None, OversightEffects.FrozenRemoved, OversightEffects.RuleApplied, OversightEffects.KillSwitch, OversightEffects.ModelFrozen })
        foreach (var flagged in new[] { false, true })
        foreach (var (deferred, activated) in new[] { (false, false), (true, false), (true, true) })
        foreach (var probability in new[] { 0.0, 0.5, 1.0 })
            cases.Add(mode, effects, flagged, deferred, activated, probability);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_decision_page_promises_learning_exactly_when_the_trainer_learns(
        LearningMode mode, OversightEffects effects, bool flagged, bool deferred, bool activated, double probability)
    {
        var activatedAt = activated ? DateTimeOffset.UtcNow : (DateTimeOffset?)null;
        var detail = new DecisionDetail(1, "loop", "event", DateTimeOffset.UtcNow, [], [], [], "a", probability, "a", false, 1, mode, [],
            effects, null, null, deferred, activatedAt, 1, 1, flagged ? new DecisionFlagInfo("wrong", "reviewer", DateTimeOffset.UtcNow) : null, false);
        var example = new TrainingExample(1, DateTimeOffset.UtcNow, Request, "a", probability, mode, deferred, activatedAt, 1, effects, flagged);
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));

        var learned = new TrainingExampleLearner(NullLogger<TrainingExampleLearner>.Instance).Learn(learner, example, defaultReward: 0);

        Assert.Equal(learned, detail.Learnable);
    }

    [Fact]
    public void A_choice_the_model_gave_no_probability_is_not_promised_to_be_learned()
    {
        Assert.False(Learnability.IsLearnable(LearningMode.Online, OversightEffects.None, flagged: false, deferActivation: false, activatedAt: null, chosenProbability: 0));
        Assert.True(Learnability.IsLearnable(LearningMode.Online, OversightEffects.None, flagged: false, deferActivation: false, activatedAt: null, chosenProbability: 0.2));
    }
}
