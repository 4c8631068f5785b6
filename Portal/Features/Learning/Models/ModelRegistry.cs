using System.Collections.Concurrent;

namespace Portal.Features.Learning.Models;

/// <summary>Every loop's learner, loaded from its saved model on first use.</summary>
public sealed class ModelRegistry(ModelStore store, ILogger<ModelRegistry> logger)
{
    private readonly ConcurrentDictionary<string, LoopLearner> learners = new(StringComparer.Ordinal);

    public LoopLearner GetOrLoad(string loopId, LearnerPolicy policy) =>
        learners.GetOrAdd(loopId, id => Load(id, policy));

    public LoopLearner? Find(string loopId) => learners.GetValueOrDefault(loopId);

    public IEnumerable<LoopLearner> All => learners.Values;

    private LoopLearner Load(string loopId, LearnerPolicy policy)
    {
        try
        {
            if (store.Load(loopId) is { } stored)
            {
                logger.LogInformation("Loaded model of loop {Loop}: {Examples} examples learned, up to decision {Seq}",
                    loopId, stored.Learner.ExamplesLearned, stored.LastTrainedSeq);
                return new LoopLearner(loopId, stored.Learner, stored.LastTrainedSeq);
            }
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or IOException)
        {
            // Never start serving from a damaged file silently; never delete it either: keep it for inspection.
            logger.LogError(error, "The saved model of loop {Loop} could not be read; starting from an empty model", loopId);
        }
        return new LoopLearner(loopId, new OnlineLearner(policy), lastTrainedSeq: 0);
    }
}
