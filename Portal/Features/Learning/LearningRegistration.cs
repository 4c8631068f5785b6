using Portal.Features.Learning.Models;

namespace Portal.Features.Learning;

public static class LearningRegistration
{
    /// <summary>Every loop's model: loaded from its file on first use, saved by the trainer, thrown away only by a reset.</summary>
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<ModelSnapshots>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<ModelResetService>();
        return builder;
    }
}
