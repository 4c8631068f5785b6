using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Oversight;
using Portal.Features.Oversight.Rules;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight.Pages;

public sealed class RulesPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task The_author_of_a_rule_is_told_someone_else_must_approve_it()
    {
        // ComponentTestContext's admin is "admin-id": this rule is theirs.
        var id = await PendingRuleAsync(TestActors.Admin());
        context.SignInAs(PortalRoles.Admin);
        var dialogs = context.RenderProviders();
        var cut = context.Render<RulesPage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=review-{id}]"));
        cut.Find($"[data-testid=review-{id}]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("someone else must approve it", dialogs.Find("[data-testid=own-rule]").TextContent));
        Assert.True(dialogs.Find("[data-testid=approve-rule]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_reviewer_sees_the_rules_impact_and_approves_it()
    {
        var id = await PendingRuleAsync(TestActors.Person("po-id", "po@test.local", PortalRoles.ProductOwner));
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var dialogs = context.RenderProviders();
        var cut = context.Render<RulesPage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=review-{id}]"));
        cut.Find($"[data-testid=review-{id}]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("would have changed", dialogs.Find("[data-testid=review-impact]").TextContent));
        dialogs.Find("[data-testid=approve-rule]").Click();

        cut.WaitForAssertion(() => Assert.Contains(app.Services.GetRequiredService<ControlState>().Current.Loops.Values, l => l.Rules.Any(r => r.Id == id)));
    }

    [Fact]
    public async Task Rejecting_needs_a_note()
    {
        var id = await PendingRuleAsync(TestActors.Person("po-id", "po@test.local", PortalRoles.ProductOwner));
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var dialogs = context.RenderProviders();
        var cut = context.Render<RulesPage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=review-{id}]"));
        cut.Find($"[data-testid=review-{id}]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=reject-rule]"));
        dialogs.Find("[data-testid=reject-rule]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Say why the rule is rejected.", dialogs.Markup));
        Assert.Equal(RuleState.PendingApproval, (await app.Services.GetRequiredService<RuleQueries>().GetAsync(id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_product_owner_may_write_and_revoke_rules_but_not_review_them()
    {
        var id = await PendingRuleAsync(TestActors.Person("other-id", "other@test.local", PortalRoles.ProductOwner));
        context.SignInAs(PortalRoles.ProductOwner);

        var cut = context.Render<RulesPage>();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=revoke-{id}]"));
        Assert.Empty(cut.FindAll($"[data-testid=review-{id}]"));
        cut.Find("[data-testid=new-rule]");
    }

    private async Task<long> PendingRuleAsync(Actor author)
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        var outcome = await app.Services.GetRequiredService<RuleService>().CreateAsync(new RuleDraft(loopId, "user.ageBand = 25-34",
            SegmentDefinition.Is("user.ageBand", "25-34"), OverrideKind.ExcludeActions, ["action-0"], "Stock problem"), author, CancellationToken.None);
        return outcome.Id!.Value;
    }
}
