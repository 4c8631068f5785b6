using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Loops;

public sealed class LoopDetailPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_link_to_the_accountability_tab_opens_the_page_on_it()
    {
        var (loopId, _) = await app.CreateLoopAsync(goLiveReview: false);
        context.SignInAs(PortalRoles.ComplianceReviewer);
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(LoopPageLinks.Accountability(loopId));

        var cut = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, loopId));

        // The Accountability tab's go-live section shows, the Settings tab's fields do not.
        cut.WaitForAssertion(() => Assert.Contains("Awaiting go-live review", cut.Find("[data-testid=golive-status]").TextContent));
        Assert.Empty(cut.FindAll("input[data-testid=reward-wait]"));
    }

    [Fact]
    public void A_compliance_reviewer_sees_the_settings_but_cannot_save_them()
    {
        context.SignInAs(PortalRoles.ComplianceReviewer);

        var cut = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, "demo"));

        cut.WaitForAssertion(() => Assert.Contains("Demo: news articles", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=save-settings]"));
        Assert.Empty(cut.FindAll("[data-testid=reset-model]"));
    }

    [Fact]
    public async Task A_product_owner_saves_new_settings_and_the_loop_serves_them()
    {
        var loopId = await NewLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("input[data-testid=reward-wait]"));

        cut.Find("input[data-testid=reward-wait]").Change("42");
        cut.Find("[data-testid=save-settings]").Click();

        cut.WaitForAssertion(() =>
            Assert.Equal(TimeSpan.FromSeconds(42), app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Settings.RewardWaitTime));
    }

    [Fact]
    public async Task A_product_owner_turns_on_inference_explainability_from_the_settings_form()
    {
        var loopId = await NewLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("input[data-testid=explain-rank]"));

        cut.Find("input[data-testid=explain-rank]").Change(true);
        cut.Find("[data-testid=save-settings]").Click();

        cut.WaitForAssertion(() => Assert.True(app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Settings.IsInferenceExplainabilityEnabled));
    }

    [Fact]
    public async Task Settings_out_of_range_are_refused_with_a_message_and_nothing_changes()
    {
        var loopId = await NewLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("input[data-testid=reward-wait]"));

        cut.Find("input[data-testid=retention]").Change("0");
        cut.Find("[data-testid=save-settings]").Click();

        cut.WaitForAssertion(() => Assert.Contains("logRetentionDays 0 must be -1 (forever) or between 1 and 36500", cut.Find("[data-testid=settings-error]").TextContent));
        Assert.Equal(LoopSettings.Default.LogRetentionDays, app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Settings.LogRetentionDays);
    }

    [Fact]
    public async Task An_unsupported_policy_flag_is_named_next_to_the_field()
    {
        var loopId = await NewLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Learning policy")).Click());
        cut.WaitForAssertion(() => cut.Find("textarea[data-testid=policy-arguments]"));

        cut.Find("textarea[data-testid=policy-arguments]").Change("--cb_explore_adf --bootstrap 5");
        cut.Find("[data-testid=save-policy]").Click();

        cut.WaitForAssertion(() => Assert.Contains("--bootstrap", cut.Markup));
    }

    [Fact]
    public void An_unknown_loop_says_so()
    {
        context.SignInAs(PortalRoles.Admin);

        var cut = context.Render<LoopDetailPage>(p => p.Add(x => x.LoopId, "no-such-loop"));

        cut.WaitForAssertion(() => Assert.Contains("There is no loop 'no-such-loop'", cut.Markup));
    }

    private async Task<string> NewLoopAsync() => (await app.CreateLoopAsync()).Id;
}
