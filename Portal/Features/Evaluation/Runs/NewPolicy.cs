namespace Portal.Features.Evaluation.Runs;

/// <summary>A learning policy to evaluate: a name and Vowpal Wabbit style arguments.</summary>
public sealed record NewPolicy(string? Name, string? Arguments);
