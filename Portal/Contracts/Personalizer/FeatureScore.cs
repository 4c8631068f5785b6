namespace Portal.Contracts.Personalizer;

/// <summary>
/// One feature's contribution to an action's score, as Personalizer names it: <c>user.profileType=AnonymousUser</c>,
/// interactions joined by <c>^</c> (<c>user.tier=gold^article.topic=sports</c>). Positive scores argued for the action.
/// </summary>
public sealed record FeatureScore(string Name, double Score);
