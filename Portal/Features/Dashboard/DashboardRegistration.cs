namespace Portal.Features.Dashboard;

public static class DashboardRegistration
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LoopActivityQueries>();
        return builder;
    }
}
