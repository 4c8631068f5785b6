namespace Portal.Data.Entities;

/// <summary>What an end user says was wrong with a suggestion.</summary>
public enum FeedbackCategory
{
    Irrelevant,
    Offensive,
    UnfairOrBiased,
    PrivacyConcern,
    WrongInformation,
    Other,
}
