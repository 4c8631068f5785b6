namespace Portal.Data.Entities;

/// <summary>A community reviewer's judgement of one suggestion as shown.</summary>
public enum ReviewVerdict
{
    Appropriate,
    Irrelevant,
    Unfair,
    Harmful,
}
