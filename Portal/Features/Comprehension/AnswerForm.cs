using Portal.Data.Configurations;
using Portal.Features.Feedback;

namespace Portal.Features.Comprehension;

/// <summary>
/// "Was this explanation clear?" as posted: <c>clear</c> = yes or no (required), <c>comment</c> (optional, at most
/// <see cref="CommentMaxLength"/> characters, line breaks counted as one as in the browser's own counter). Each problem is
/// worded for the person, to stand beside its field.
/// </summary>
public sealed record AnswerForm(string? Clear, string? Comment)
{
    public const int CommentMaxLength = ComprehensionAnswerConfiguration.CommentMaxLength;
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>True for yes, false for no, null when missing or anything else.</summary>
    public bool? Answer => Clear switch { Yes => true, No => false, _ => null };

    /// <summary>The comment as stored: line breaks as LF, trimmed; null when empty.</summary>
    public string? CleanComment => MessageText.Clean(Comment) is { Length: > 0 } text ? text : null;

    public string? AnswerProblem => Answer is null ? "Choose yes or no." : null;

    public string? CommentProblem => CleanComment is { Length: > CommentMaxLength } text
        ? $"Your comment has {text.Length:N0} characters; the limit is {CommentMaxLength:N0}. Please shorten it."
        : null;

    public bool IsValid => AnswerProblem is null && CommentProblem is null;
}
