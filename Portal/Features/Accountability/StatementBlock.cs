namespace Portal.Features.Accountability;

/// <summary>A block of a statement as <see cref="StatementMarkdown"/> reads it: a heading, a paragraph or a list.</summary>
public abstract record StatementBlock
{
    public sealed record Heading(int Level, IReadOnlyList<StatementRun> Runs) : StatementBlock;

    public sealed record Paragraph(IReadOnlyList<StatementRun> Runs) : StatementBlock;

    public sealed record List(bool Ordered, IReadOnlyList<IReadOnlyList<StatementRun>> Items) : StatementBlock;
}

/// <summary>A piece of text with its emphasis, and the address it links to (http, https or mailto only).</summary>
public sealed record StatementRun(string Text, bool Bold = false, bool Italic = false, string? Link = null);
