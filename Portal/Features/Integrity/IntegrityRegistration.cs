using Portal.Features.Integrity.Detection;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Integrity;

public static class IntegrityRegistration
{
    /// <summary>Defence against manipulation of learning: detectors and their review queue, quarantined windows and rolling the model back.</summary>
    public static IHostApplicationBuilder AddIntegrity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QuarantineService>();
        builder.Services.AddSingleton<ModelHistory>();
        builder.AddValidatedOptions<DetectionOptions>(DetectionOptions.Section);
        builder.Services.AddSingleton<SettledOutcomes>();
        builder.Services.AddSingleton<FindingStore>();
        builder.Services.AddSingleton<FindingReview>();
        builder.Services.AddSingleton<ManipulationWatch>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ManipulationWatch>());
        return builder;
    }
}
