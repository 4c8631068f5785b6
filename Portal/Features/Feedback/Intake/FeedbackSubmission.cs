using System.Net;
using Portal.Data.Entities;

namespace Portal.Features.Feedback.Intake;

/// <summary>One post of the public form, already validated by the form.</summary>
public sealed record FeedbackSubmission(
    FeedbackCategory Category,
    string Message,
    string? ContactEmail,
    bool ConsentToContact,
    string? DecisionToken,
    IPAddress? Source);
