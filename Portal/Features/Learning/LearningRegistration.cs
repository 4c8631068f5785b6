using Portal.Features.Learning.Models;

namespace Portal.Features.Learning;

public static class LearningRegistration
{
    /// <summary>
    /// Every loop's model: kept in the database (model files of an older data folder are moved in at the first start),
    /// loaded on first use, saved by the trainer, followed by every other node, thrown away only by a reset or rollback.
    /// </summary>
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<ModelSnapshots>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<ModelResetService>();
        builder.Services.AddHostedService<ModelFileImport>();
        builder.Services.AddHostedService<ModelFollower>();
        return builder;
    }
}
