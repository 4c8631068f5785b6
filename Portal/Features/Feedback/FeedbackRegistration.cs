using Portal.Infrastructure.Security;
using Portal.Features.Feedback.Board;
using Portal.Features.Feedback.Intake;
using Portal.Features.Feedback.Public;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Feedback;

public static class FeedbackRegistration
{
    /// <summary>End-user feedback: intake from the public form, triage, the status links, counters and export.</summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<FeedbackOptions>(FeedbackOptions.Section);
        builder.AddValidatedOptions<SlaOptions>(SlaOptions.Section);
        var services = builder.Services;
        services.AddSingleton<SourceFingerprint>().AddSecretKey(SourceFingerprint.KeyName);
        services.AddSingleton<DecisionSnapshots>();
        services.AddSingleton<Decisions.Retention.IExpiringData, ExpiredTicketSnapshots>();
        services.AddSingleton<TicketIntakeWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<TicketIntakeWriter>());
        services.AddSingleton<TicketIntake>();
        services.AddHostedService<TicketSearchIndex>();
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<TicketDetailQueries>();
        services.AddSingleton<TicketStatusQueries>();
        services.AddSingleton<TicketAssignees>();
        services.AddSingleton<TicketTriage>();
        services.AddSingleton<TicketConversation>();
        services.AddSingleton<TicketOversightNotes>();
        services.AddSingleton<FeedbackFigures>();
        services.AddSingleton<TicketMerge>();
        services.AddSingleton<FeedbackSegmentCounts>();
        services.AddSingleton<FeedbackCsvExport>();
        services.AddSingleton<IPersonalData, SubjectTickets>();
        services.AddSingleton<FeedbackCounters>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedbackCounters>());
        services.AddHealthChecks().AddCheck<FeedbackIntakeHealthCheck>("feedback-intake", tags: ["ready"]);
        return builder;
    }
}
