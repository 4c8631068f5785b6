using System.ComponentModel.DataAnnotations;
using Portal.Data.Entities;

namespace Portal.Features.Feedback;

/// <summary>How long each priority may take (<c>Portal:Feedback:Sla</c>): a ticket is due at its creation plus this time.</summary>
public sealed class SlaOptions : IValidatableObject
{
    public const string Section = "Portal:Feedback:Sla";

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Portal:Feedback:Sla:P1 must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan P1 { get; set; } = TimeSpan.FromHours(4);

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Portal:Feedback:Sla:P2 must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan P2 { get; set; } = TimeSpan.FromDays(1);

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Portal:Feedback:Sla:P3 must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan P3 { get; set; } = TimeSpan.FromDays(3);

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Portal:Feedback:Sla:P4 must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan P4 { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan For(TicketPriority priority) => priority switch
    {
        TicketPriority.P1 => P1,
        TicketPriority.P2 => P2,
        TicketPriority.P3 => P3,
        _ => P4,
    };

    /// <summary>A more urgent priority never gets more time than a less urgent one.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (P1 > P2) yield return new ValidationResult("Portal:Feedback:Sla:P1 must not be longer than Portal:Feedback:Sla:P2.", [nameof(P1)]);
        if (P2 > P3) yield return new ValidationResult("Portal:Feedback:Sla:P2 must not be longer than Portal:Feedback:Sla:P3.", [nameof(P2)]);
        if (P3 > P4) yield return new ValidationResult("Portal:Feedback:Sla:P3 must not be longer than Portal:Feedback:Sla:P4.", [nameof(P3)]);
    }
}
