using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Accounts.Passwords;

/// <summary>
/// The same refusal as <see cref="CommonPasswordValidator"/>, as form validation, so the page shows it next to the
/// password field instead of in a banner above the form.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotCommonPasswordAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var list = validationContext.GetService(typeof(CommonPasswordList)) as CommonPasswordList
            ?? throw new InvalidOperationException("The common-password list is not registered.");
        return value is string password && list.Contains(password)
            ? new ValidationResult(CommonPasswordValidator.Message, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
    }
}
