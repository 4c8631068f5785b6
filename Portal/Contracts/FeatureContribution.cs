namespace Portal.Contracts;

/// <summary>One term of a score: a feature ("user.age"), an interaction ("user.age × topic=sports") or "(constant)".</summary>
public readonly record struct FeatureContribution(string Feature, double Contribution);
