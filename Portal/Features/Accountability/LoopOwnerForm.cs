using Portal.Data.Configurations;

namespace Portal.Features.Accountability;

/// <summary>
/// What a person types to record a loop's owner, and what is wrong with it, field by field (the page shows each message
/// beside its field, the service refuses the same).
/// </summary>
public sealed class LoopOwnerForm
{
    public string OwnerName { get; set; } = "";
    public string OwnerContact { get; set; } = "";
    public string Purpose { get; set; } = "";
    public bool AffectsImportantChoices { get; set; }

    public string? OwnerNameError => Required(OwnerName, "The accountable owner (a person or a team)", LoopAccountabilityConfiguration.NameMaxLength);
    public string? OwnerContactError => Required(OwnerContact, "A contact (an e-mail address, a team channel or a phone number)",
        LoopAccountabilityConfiguration.ContactMaxLength);
    public string? PurposeError => Required(Purpose, "The purpose", LoopAccountabilityConfiguration.PurposeMaxLength);

    public bool IsValid => OwnerNameError is null && OwnerContactError is null && PurposeError is null;

    public static LoopOwnerForm From(LoopOwner? owner) => owner is null ? new() : new()
    {
        OwnerName = owner.OwnerName, OwnerContact = owner.OwnerContact, Purpose = owner.Purpose, AffectsImportantChoices = owner.AffectsImportantChoices,
    };

    private static string? Required(string value, string what, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? $"{what} is required."
        : value.Trim().Length > maxLength ? $"{what} is longer than {maxLength:N0} characters."
        : null;
}
