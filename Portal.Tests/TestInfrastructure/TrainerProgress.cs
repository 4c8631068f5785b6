using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Features.Training;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Waits for the background trainer to get past a decision, and for the model it learned to be published.</summary>
public static class TrainerProgress
{
    /// <summary>
    /// The trainer moves its last decision forward while a pass runs and publishes the pass's model at its end, so once it
    /// is past <paramref name="seq"/> one more pass (which waits for the running one) makes sure the model is out.
    /// </summary>
    public static async Task<LoopRuntime> TrainedPastAsync(this PortalAppFactory factory, string loopId, long seq)
    {
        var models = factory.Services.GetRequiredService<ModelRegistry>();
        await Eventually.TrueAsync(() => models.Find(loopId)?.LastTrainedSeq >= seq);
        var loop = factory.Services.GetRequiredService<LoopDirectory>().Find(loopId)!;
        await factory.Services.GetRequiredService<DecisionTrainer>().TrainLoopAsync(loop, CancellationToken.None);
        return loop;
    }
}
