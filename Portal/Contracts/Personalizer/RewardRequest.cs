namespace Portal.Contracts.Personalizer;

/// <summary>Personalizer's RewardRequest: <c>{"value": 1.0}</c>, between -1 and 1.</summary>
public sealed record RewardRequest(double? Value);
