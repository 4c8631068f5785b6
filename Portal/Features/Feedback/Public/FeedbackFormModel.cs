using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Portal.Data.Configurations;
using Portal.Data.Entities;

namespace Portal.Features.Feedback.Public;

/// <summary>The public feedback form's fields and their rules; each message names the field and how to fix it.</summary>
public sealed class FeedbackFormModel : IValidatableObject
{
    private string? message;

    [Required(ErrorMessage = "Choose what was wrong with the suggestion.")]
    public FeedbackCategory? Category { get; set; }

    /// <summary>Line breaks count as one character, as in the browser's own counter.</summary>
    [Required(ErrorMessage = "Write your message.")]
    public string? Message
    {
        get => message;
        set => message = value is null ? null : MessageText.Clean(value);
    }

    public string? ContactEmail { get; set; }

    public bool ConsentToContact { get; set; }

    /// <summary>The honeypot: hidden from people, so only bots fill it in.</summary>
    public string? Website { get; set; }

    /// <summary>The signed link of the decision the feedback is about (from a "Why this suggestion?" page).</summary>
    public string? DecisionToken { get; set; }

    public bool IsFromBot => !string.IsNullOrEmpty(Website);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Message is { Length: > FeedbackTicketConfiguration.MessageMaxLength })
            yield return new ValidationResult(
                $"Your message has {Message.Length:N0} characters; the limit is 4,000. Please shorten it.", [nameof(Message)]);
        var email = ContactEmail?.Trim();
        if (!string.IsNullOrEmpty(email) && !IsEmailAddress(email))
            yield return new ValidationResult("Enter an email address like name@example.com, or leave it empty.", [nameof(ContactEmail)]);
        else if (string.IsNullOrEmpty(email) && ConsentToContact)
            yield return new ValidationResult("Give the email address we may contact you at, or untick the box below.", [nameof(ContactEmail)]);
        else if (!string.IsNullOrEmpty(email) && !ConsentToContact)
            yield return new ValidationResult("Tick this box if we may contact you at this address, or remove the address.", [nameof(ConsentToContact)]);
    }

    private static bool IsEmailAddress(string email) =>
        email.Length <= FeedbackTicketConfiguration.EmailMaxLength
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.')
        && !parsed.Host.StartsWith('.') && !parsed.Host.EndsWith('.');
}
