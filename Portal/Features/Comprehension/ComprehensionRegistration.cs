using Portal.Features.Decisions.Log;
using Portal.Features.Decisions.Retention;
using Portal.Features.Privacy;

namespace Portal.Features.Comprehension;

public static class ComprehensionRegistration
{
    /// <summary>
    /// "Was this explanation clear?": the answers end users give on the Why page (asked and posted there, see PublicPages),
    /// their counts per group and comments (shown by Insights), and their removal with the decisions and users they are about.
    /// </summary>
    public static IHostApplicationBuilder AddComprehension(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ComprehensionAnswers>();
        services.AddSingleton<ComprehensionCounts>();
        services.AddSingleton<ComprehensionComments>();
        services.AddSingleton<ComprehensionOfLog>();
        services.AddSingleton<IExpiringData>(provider => provider.GetRequiredService<ComprehensionOfLog>());
        services.AddSingleton<ILogDerivedData>(provider => provider.GetRequiredService<ComprehensionOfLog>());
        services.AddSingleton<IForgetOnOptOut>(provider => provider.GetRequiredService<ComprehensionOfLog>());
        services.AddSingleton<Privacy.Requests.IPersonalData, SubjectComprehensionAnswers>();
        return builder;
    }
}
