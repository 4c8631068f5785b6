namespace Portal.Contracts.Personalizer;

/// <summary>One action's entry of Personalizer's <c>inferenceExplanation</c>: the features that most moved its score.</summary>
public sealed record ActionExplanation(string Id, IReadOnlyList<FeatureScore> Features);
