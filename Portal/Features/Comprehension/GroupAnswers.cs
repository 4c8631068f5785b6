namespace Portal.Features.Comprehension;

/// <summary>How many answered the question in a group (<see cref="Label"/>: a feature's value or a segment's name), and how many said it was clear.</summary>
public sealed record GroupAnswers(string Label, long Answers, long Clear);
