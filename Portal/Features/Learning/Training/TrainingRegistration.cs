using Portal.Infrastructure.Configuration;

namespace Portal.Features.Learning.Training;

public static class TrainingRegistration
{
    /// <summary>Models per loop, saved and loaded; the background trainer; explicit reset.</summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<TrainingOptions>(TrainingOptions.Section);
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<ModelResetService>();
        builder.Services.AddSingleton<TrainingExampleLearner>();
        builder.Services.AddSingleton<DecisionTrainer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DecisionTrainer>());
        return builder;
    }
}
