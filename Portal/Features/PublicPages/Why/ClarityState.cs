using Portal.Features.Comprehension;

namespace Portal.Features.PublicPages.Why;

/// <summary>
/// What the Why page shows of the question "Was this explanation clear?": the form (empty, or as posted with its
/// problems), the thank-you once an answer is stored, or why the question is not asked.
/// </summary>
/// <param name="Posted">The form as posted; null on a plain view.</param>
/// <param name="Saved">The posted answer was stored.</param>
public sealed record ClarityState(ComprehensionSubject Subject, AnswerForm? Posted = null, bool Saved = false)
{
    public string? AnswerError => Saved ? null : Posted?.AnswerProblem;

    public string? CommentError => Saved ? null : Posted?.CommentProblem;

    public bool HasErrors => AnswerError is not null || CommentError is not null;

    /// <summary>The answer and comment to show in the form again: what was posted, so nothing typed is lost.</summary>
    public string? Clear => Saved ? null : Posted?.Clear;

    public string? Comment => Saved ? null : Posted?.Comment;
}
