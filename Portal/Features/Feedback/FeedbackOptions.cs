using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Feedback;

/// <summary>End-user feedback (<c>Portal:Feedback</c>); the SLA per priority is in <see cref="SlaOptions"/>.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Portal:Feedback";

    /// <summary>The same text from the same source within this time adds to the existing ticket instead of opening one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Portal:Feedback:RepeatWindow must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromMinutes(10);
}
