namespace Portal.Features.Comprehension;

/// <summary>One end user's comment with their answer, for reviewers: shown as text only.</summary>
public sealed record ComprehensionComment(DateTimeOffset AnsweredAt, bool Clear, string Text);
