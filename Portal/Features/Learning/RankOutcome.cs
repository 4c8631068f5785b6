namespace Portal.Features.Learning;

/// <summary>The sampled action and whether it was an exploration (not one of the tied best actions).</summary>
public readonly record struct RankOutcome(int ChosenIndex, bool Explored);
