using Portal.Data.Entities;

namespace Portal.Features.Feedback.Intake;

/// <summary>
/// The priority a new ticket starts with. Harm to people (unfair or biased, privacy, offensive) starts at P2;
/// reviewers raise or lower it during triage.
/// </summary>
public static class PrioritySuggestion
{
    public static TicketPriority For(FeedbackCategory category) => category switch
    {
        FeedbackCategory.UnfairOrBiased or FeedbackCategory.PrivacyConcern or FeedbackCategory.Offensive => TicketPriority.P2,
        FeedbackCategory.WrongInformation or FeedbackCategory.Other => TicketPriority.P3,
        _ => TicketPriority.P4,
    };
}
