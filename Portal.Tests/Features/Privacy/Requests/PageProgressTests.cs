using Microsoft.Extensions.Time.Testing;
using Portal.Features.Privacy.Requests;

namespace Portal.Tests.Features.Privacy.Requests;

public sealed class PageProgressTests
{
    [Fact]
    public void However_often_a_request_reports_the_page_renders_at_most_every_100_ms_and_shows_the_latest()
    {
        var clock = new FakeTimeProvider();
        var renders = 0;
        var progress = new PageProgress(() => { renders++; return Task.CompletedTask; }, clock);

        for (var i = 1; i <= 1000; i++) progress.Report(new RequestProgress("Decisions", i / 1000.0));
        var afterBurst = renders;
        clock.Advance(PageProgress.RenderEvery);
        progress.Report(new RequestProgress("Opt-out entries", 0));

        Assert.Equal((1, 2), (afterBurst, renders));
        Assert.Equal(new RequestProgress("Opt-out entries", 0), progress.Current);
    }
}
