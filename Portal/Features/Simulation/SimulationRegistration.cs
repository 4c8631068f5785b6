using Portal.Infrastructure.Configuration;

namespace Portal.Features.Simulation;

public static class SimulationRegistration
{
    public static IHostApplicationBuilder AddSimulation(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SimulatorOptions>(SimulatorOptions.Section);
        builder.Services.AddSingleton<DemoTrafficSimulator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoTrafficSimulator>());
        return builder;
    }
}
