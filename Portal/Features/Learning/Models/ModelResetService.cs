using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Learning.Models;

/// <summary>
/// The only way a loop's learning is thrown away: an explicit reset. The new empty model starts after the last
/// logged decision, so nothing logged before the reset is learned again.
/// </summary>
public sealed class ModelResetService(ModelRegistry models, ModelStore store, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task ResetAsync(string loopId, LearnerPolicy policy, CancellationToken ct)
    {
        var learner = models.GetOrLoad(loopId, policy);
        await learner.Gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var lastSeq = await db.Decisions.Where(d => d.LoopId == loopId).MaxAsync(d => (long?)d.Seq, ct) ?? learner.LastTrainedSeq;
            var fresh = new OnlineLearner(policy);
            store.Save(loopId, fresh, lastSeq);
            learner.Learner = fresh;
            learner.LastTrainedSeq = lastSeq;
            learner.HasUnsavedChanges = false;
            learner.LastSavedAt = clock.GetUtcNow();
            learner.Slot.Publish(fresh.Snapshot());
        }
        finally
        {
            learner.Gate.Release();
        }
    }

    /// <summary>How many examples the loop's current model has learned from.</summary>
    public long ExamplesLearned(string loopId) => models.Find(loopId)?.Learner.ExamplesLearned ?? 0;
}
