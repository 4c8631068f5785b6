using Portal.Features.Accountability;

namespace Portal.Tests.Features.Accountability;

public sealed class StatementMarkdownTests
{
    [Fact]
    public void Headings_paragraphs_and_both_kinds_of_list_are_read_as_blocks()
    {
        var blocks = StatementMarkdown.Parse("""
            # What we use
            Your device and the pages
            you read.

            - the country you are in
            - your age band
            1. first
            2. second
            """);

        Assert.Collection(blocks,
            b => Assert.Equal("What we use", Assert.IsType<StatementBlock.Heading>(b).Runs.Single().Text),
            b => Assert.Equal("Your device and the pages you read.", Assert.IsType<StatementBlock.Paragraph>(b).Runs.Single().Text),
            b => Assert.Equal(["the country you are in", "your age band"], Items(Assert.IsType<StatementBlock.List>(b), ordered: false)),
            b => Assert.Equal(["first", "second"], Items(Assert.IsType<StatementBlock.List>(b), ordered: true)));
    }

    [Fact]
    public void Bold_italic_and_web_links_are_runs_and_html_or_script_addresses_stay_plain_text()
    {
        var runs = StatementMarkdown.Inline("""Kept **30 days**, *not longer*. [Ask us](mailto:privacy@example.org) or [click](javascript:alert(1)) <b>x</b>""");

        Assert.Contains(new StatementRun("30 days", Bold: true), runs);
        Assert.Contains(new StatementRun("not longer", Italic: true), runs);
        Assert.Contains(new StatementRun("Ask us", Link: "mailto:privacy@example.org"), runs);
        Assert.DoesNotContain(runs, r => r.Link?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(runs, r => r.Text.Contains("[click](javascript:alert(1)) <b>x</b>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_backslash_keeps_a_star_literal()
    {
        var runs = StatementMarkdown.Inline(@"5 \* 3 stars");

        Assert.Equal([new StatementRun("5 * 3 stars")], runs);
    }

    private static string[] Items(StatementBlock.List list, bool ordered)
    {
        Assert.Equal(ordered, list.Ordered);
        return list.Items.Select(i => string.Concat(i.Select(r => r.Text))).ToArray();
    }
}
