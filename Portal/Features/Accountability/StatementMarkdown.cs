using System.Text;

namespace Portal.Features.Accountability;

/// <summary>
/// The little Markdown a data-handling statement may use: headings (#, ##, ###), paragraphs, bullet (- or *) and
/// numbered (1.) lists, **bold**, *italic*, [links](https://…) and \ to escape. Nothing else has a meaning: HTML and
/// any other address stay literal text, and the page renders every run as text, never as markup.
/// </summary>
public static class StatementMarkdown
{
    private static readonly string[] LinkSchemes = ["https://", "http://", "mailto:"];

    public static IReadOnlyList<StatementBlock> Parse(string text)
    {
        var blocks = new List<StatementBlock>();
        var paragraph = new List<string>();
        var (items, ordered) = (new List<IReadOnlyList<StatementRun>>(), false);

        void Close()
        {
            if (paragraph.Count > 0) blocks.Add(new StatementBlock.Paragraph(Inline(string.Join(' ', paragraph))));
            if (items.Count > 0) blocks.Add(new StatementBlock.List(ordered, [.. items]));
            paragraph.Clear();
            items.Clear();
        }

        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) { Close(); continue; }
            if (HeadingLevel(line) is var level and > 0)
            {
                Close();
                blocks.Add(new StatementBlock.Heading(level, Inline(line[(level + 1)..].Trim())));
            }
            else if (ListItem(line) is var (isOrdered, content) && content is not null)
            {
                if (paragraph.Count > 0 || (items.Count > 0 && ordered != isOrdered)) Close();
                ordered = isOrdered;
                items.Add(Inline(content));
            }
            else if (items.Count > 0)
            {
                // A line under a list item continues it.
                items[^1] = [.. items[^1], new StatementRun(" "), .. Inline(line)];
            }
            else
            {
                paragraph.Add(line);
            }
        }
        Close();
        return blocks;
    }

    private static int HeadingLevel(string line)
    {
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#') hashes++;
        return hashes is >= 1 and <= 3 && line.Length > hashes && line[hashes] == ' ' ? hashes : 0;
    }

    private static (bool Ordered, string? Content) ListItem(string line)
    {
        if (line.Length > 2 && line[0] is '-' or '*' && line[1] == ' ') return (false, line[2..].Trim());
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits is > 0 and <= 3 && line.Length > digits + 1 && line[digits] == '.' && line[digits + 1] == ' '
            ? (true, line[(digits + 2)..].Trim())
            : (false, null);
    }

    /// <summary>Emphasis and links within one block's text.</summary>
    public static IReadOnlyList<StatementRun> Inline(string text)
    {
        var runs = new List<StatementRun>();
        var current = new StringBuilder();
        var (bold, italic) = (false, false);

        void Flush()
        {
            if (current.Length > 0) runs.Add(new StatementRun(current.ToString(), bold, italic));
            current.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length) { current.Append(text[++i]); continue; }
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*') { Flush(); bold = !bold; i++; continue; }
            if (c == '*') { Flush(); italic = !italic; continue; }
            if (c == '[' && Link(text, i) is var (label, address, end) && address is not null)
            {
                Flush();
                runs.Add(new StatementRun(label, bold, italic, address));
                i = end;
                continue;
            }
            current.Append(c);
        }
        Flush();
        return runs;
    }

    /// <summary>[label](address) starting at <paramref name="start"/>, when the address is one a page may link to.</summary>
    private static (string Label, string? Address, int End) Link(string text, int start)
    {
        var close = text.IndexOf("](", start, StringComparison.Ordinal);
        if (close < 0) return ("", null, start);
        var end = text.IndexOf(')', close + 2);
        if (end < 0) return ("", null, start);
        var (label, address) = (text[(start + 1)..close], text[(close + 2)..end].Trim());
        var allowed = label.Length > 0 && !label.Contains('[') && !address.Any(char.IsWhiteSpace)
            && LinkSchemes.Any(s => address.StartsWith(s, StringComparison.OrdinalIgnoreCase) && address.Length > s.Length);
        return allowed ? (label, address, end) : ("", null, start);
    }
}
