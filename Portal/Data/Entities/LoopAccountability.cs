namespace Portal.Data.Entities;

/// <summary>
/// Who answers for a loop and what it is for: the accountable owner (a person or a team) with a contact, the loop's
/// purpose in plain words, and whether its suggestions affect choices that matter to people (credit, health, work,
/// housing…), which asks for more care in review. One row per loop; every change is audited.
/// </summary>
public sealed class LoopAccountability
{
    public required string LoopId { get; set; }
    public required string OwnerName { get; set; }
    public required string OwnerContact { get; set; }
    public required string Purpose { get; set; }
    public bool AffectsImportantChoices { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }
}
