using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Features.Loops.Advice;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Loops;

/// <summary>The loop page's advice for apprentice loops: agreement, the estimate against the baseline, the verdict and its reason.</summary>
public sealed class ApprenticeAdvicePanelTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The panel asks on the thread pool: on a loaded machine its answer can take seconds to arrive.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly BunitContext context = ComponentTestContext.Create(app);
    private readonly FixedAdvisor advisor = new();

    public Task InitializeAsync()
    {
        context.Services.AddSingleton<IApprenticeAdvisor>(advisor);
        context.SignInAs(PortalRoles.ProductOwner);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public void When_the_bar_is_met_switching_to_online_is_recommended_with_the_figures()
    {
        advisor.Advice = new ApprenticeAdvice(4_200, 0.62, 0.231, 0.198, 0.033, 0.011, 0.055, 3_100, "DR", Week, true,
            "The model is estimated to earn 0.033 more per decision than the baseline, and the 95% interval (0.011 to 0.055) excludes a loss.");

        var cut = context.Render<ApprenticeAdvicePanel>(p => p.Add(x => x.LoopId, "any"));

        cut.WaitForAssertion(() => Assert.Contains("Switching to Online is recommended.", cut.Find("[data-testid=advice-verdict]").TextContent), Patience);
        Assert.Contains("first choice is the baseline in 62% of the last 4,200 decisions (last 7 days)", cut.Find("[data-testid=advice-agreement]").TextContent);
        Assert.Contains("model 0.231, baseline 0.198; difference +0.033 (95% interval +0.011 to +0.055, DR, worth 3,100 decisions)",
            cut.Find("[data-testid=advice-estimate]").TextContent);
    }

    [Fact]
    public void When_the_bar_is_not_met_the_reason_is_shown()
    {
        advisor.Advice = new ApprenticeAdvice(4_200, 0.9, 0.2, 0.198, 0.002, -0.02, 0.024, 3_100, "DR", Week, false,
            "The 95% interval of the difference reaches -0.020: a loss is still possible.");

        var cut = context.Render<ApprenticeAdvicePanel>(p => p.Add(x => x.LoopId, "any"));

        cut.WaitForAssertion(() =>
        {
            var verdict = cut.Find("[data-testid=advice-verdict]").TextContent;
            Assert.Contains("Not yet: keep Apprentice.", verdict);
            Assert.Contains("a loss is still possible", verdict);
        }, Patience);
    }

    [Fact]
    public void Without_data_there_is_only_the_reason()
    {
        advisor.Advice = ApprenticeAdvice.NoData("There is nothing to compare yet: no decision of the last 7 days was learned from.", Week);

        var cut = context.Render<ApprenticeAdvicePanel>(p => p.Add(x => x.LoopId, "any"));

        cut.WaitForAssertion(() => Assert.Contains("nothing to compare yet", cut.Find("[data-testid=advice-verdict]").TextContent), Patience);
        Assert.Empty(cut.FindAll("[data-testid=advice-estimate]"));
    }

    [Fact]
    public async Task The_loop_page_shows_the_advice_for_an_apprentice_loop_only()
    {
        advisor.Advice = ApprenticeAdvice.NoData("nothing yet", Week);
        var (apprentice, _) = await app.CreateLoopAsync(LoopSettings.Default with { LearningMode = LearningMode.Apprentice });
        var (online, _) = await app.CreateLoopAsync();

        var shown = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, apprentice));
        var hidden = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, online));

        shown.WaitForAssertion(() => shown.Find("[data-testid=apprentice-advice]"), Patience);
        hidden.WaitForAssertion(() => hidden.Find("[data-testid=features-link]"), Patience);
        Assert.Empty(hidden.FindAll("[data-testid=apprentice-advice]"));
        Assert.Equal([apprentice], advisor.Asked);
    }

    private sealed class FixedAdvisor : IApprenticeAdvisor
    {
        public ApprenticeAdvice Advice { get; set; } = ApprenticeAdvice.NoData("", Week);
        public List<string> Asked { get; } = [];

        public Task<ApprenticeAdvice> AdviseAsync(string loopId, CancellationToken ct)
        {
            lock (Asked) Asked.Add(loopId);
            return Task.FromResult(Advice);
        }
    }
}
