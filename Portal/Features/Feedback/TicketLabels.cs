using Portal.Data.Entities;

namespace Portal.Features.Feedback;

/// <summary>The words people read for categories and statuses, on the public pages, the board and in exports.</summary>
public static class TicketLabels
{
    public static string Of(FeedbackCategory category) => category switch
    {
        FeedbackCategory.Irrelevant => "Irrelevant",
        FeedbackCategory.Offensive => "Offensive",
        FeedbackCategory.UnfairOrBiased => "Unfair or biased",
        FeedbackCategory.PrivacyConcern => "Privacy concern",
        FeedbackCategory.WrongInformation => "Wrong information",
        _ => "Other",
    };

    public static string Of(TicketStatus status) => status switch
    {
        TicketStatus.New => "New",
        TicketStatus.Triaged => "Triaged",
        TicketStatus.InProgress => "In progress",
        TicketStatus.Resolved => "Resolved",
        TicketStatus.WontFix => "Won't fix",
        TicketStatus.Duplicate => "Duplicate",
        _ => "Closed",
    };

    /// <summary>What the status means, in words for the person who sent the feedback.</summary>
    public static string ForEndUser(TicketStatus status) => status switch
    {
        TicketStatus.New => "We have received your feedback. A reviewer will look at it soon.",
        TicketStatus.Triaged => "A reviewer has read your feedback and decided how to handle it.",
        TicketStatus.InProgress => "We are working on it.",
        TicketStatus.Resolved => "We have acted on your feedback.",
        TicketStatus.WontFix => "We have looked into it and decided not to make a change.",
        TicketStatus.Duplicate => "Others told us about the same problem; we handle it together with their feedback.",
        _ => "This feedback is closed.",
    };

    /// <summary>The end user's words for a category on the form ("What was wrong?").</summary>
    public static string Hint(FeedbackCategory category) => category switch
    {
        FeedbackCategory.Irrelevant => "It had nothing to do with me or what I was doing.",
        FeedbackCategory.Offensive => "It was hurtful, rude or inappropriate.",
        FeedbackCategory.UnfairOrBiased => "It treated me or people like me unfairly.",
        FeedbackCategory.PrivacyConcern => "It seemed to use or reveal information about me that it should not.",
        FeedbackCategory.WrongInformation => "It contained something that is not true.",
        _ => "Something else.",
    };
}
