using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Oversight;
using Portal.Features.Oversight.Review;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight.Pages;

public sealed class DecisionPanelTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_decision_under_the_kill_switch_says_what_oversight_did_and_that_it_is_not_learned()
    {
        var (loopId, rank) = await app.LoopWithActionsAsync();
        await app.Services.GetRequiredService<LoopControlService>().SetKillSwitchAsync(loopId, true, "incident", Actor.System, CancellationToken.None);
        var eventId = await RankAsync(rank);
        context.SignInAs(PortalRoles.ComplianceReviewer);
        context.RenderProviders();

        var cut = context.Render<DecisionPanel>(p => p.Add(x => x.LoopId, loopId).Add(x => x.EventId, eventId));

        cut.WaitForAssertion(() => Assert.Contains("A kill switch was on", cut.Find("[data-testid=decision-oversight]").TextContent));
        Assert.Contains("action-0", cut.Find("[data-testid=decision-facts]").TextContent);
        Assert.Contains("not learned from", cut.Find("[data-testid=decision-facts]").TextContent);
        Assert.Contains("\"ageBand\": \"25-34\"", cut.Find("[data-testid=decision-context]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=freeze-chosen]"));
        Assert.Empty(cut.FindAll("[data-testid=start-rule]"));
    }

    [Fact]
    public async Task Flagging_a_decision_asks_for_a_note_and_then_shows_the_flag_and_its_audit_entry()
    {
        var (loopId, rank) = await app.LoopWithActionsAsync();
        var eventId = await RankAsync(rank);
        await app.EnsureUserWithIdAsync("productowner-id", "productowner@test.local");
        context.SignInAs(PortalRoles.ProductOwner);
        var dialogs = context.RenderProviders();
        var cut = context.Render<DecisionPanel>(p => p.Add(x => x.LoopId, loopId).Add(x => x.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=freeze-chosen]"));

        cut.Find("[data-testid=flag-decision]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=reason]"));
        dialogs.Find("textarea[data-testid=reason]").Input("Shown an adult product to a teenager");
        dialogs.Find("[data-testid=confirm-reason]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Shown an adult product to a teenager", cut.Find("[data-testid=decision-flag]").TextContent));
        Assert.Contains("decision.flag", cut.Find("[data-testid=audit-trail]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=flag-decision]"));
    }

    [Fact]
    public async Task Freezing_the_served_action_asks_for_a_reason_and_then_shows_it_frozen_instead_of_the_button()
    {
        var (loopId, rank) = await app.LoopWithActionsAsync();
        var eventId = await RankAsync(rank);
        context.SignInAs(PortalRoles.ProductOwner);
        var dialogs = context.RenderProviders();
        var cut = context.Render<DecisionPanel>(p => p.Add(x => x.LoopId, loopId).Add(x => x.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=freeze-chosen]"));
        var served = (await app.Services.GetRequiredService<DecisionQueries>().GetAsync(loopId, eventId, CancellationToken.None))!.ChosenActionId;
        Assert.Equal($"Freeze “{served}”…", cut.Find("[data-testid=freeze-chosen]").TextContent.Trim());

        cut.Find("[data-testid=freeze-chosen]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=reason]"));
        Assert.Equal("", dialogs.Find("textarea[data-testid=reason]").GetAttribute("value") ?? "");
        dialogs.Find("textarea[data-testid=reason]").Input("Recalled product");
        dialogs.Find("[data-testid=confirm-freeze]").Click();

        cut.WaitForAssertion(() => Assert.Equal($"“{served}” is frozen", cut.Find("[data-testid=chosen-frozen]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=freeze-chosen]"));
        Assert.Equal("Recalled product", app.Services.GetRequiredService<ControlState>().Current.For(loopId).Frozen[served].Reason);
    }

    private static async Task<string> RankAsync(HttpClient rank)
    {
        var response = await rank.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["eventId"]!.GetValue<string>();
    }
}
