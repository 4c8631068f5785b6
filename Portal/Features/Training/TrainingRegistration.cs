using Portal.Features.Learning;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Training;

public static class TrainingRegistration
{
    /// <summary>The background trainer: joins decisions with their rewards once the wait is over and learns from them.</summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<TrainingOptions>(TrainingOptions.Section);
        builder.Services.AddSingleton<TrainingExampleLearner>();
        builder.Services.AddSingleton<DecisionTrainer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DecisionTrainer>());
        return builder;
    }
}
