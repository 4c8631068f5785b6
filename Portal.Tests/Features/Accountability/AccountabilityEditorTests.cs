using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Accountability;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accountability;

/// <summary>The loop page's accountability tab: the owner form and the statement editor.</summary>
public sealed class AccountabilityEditorTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Saving_an_empty_owner_shows_the_message_beside_the_field_and_stores_nothing()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<LoopOwnerEditor>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=save-owner]"));

        cut.Find("input[data-testid=owner-contact]").Input("growth@example.org");
        cut.Find("[data-testid=save-owner]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The accountable owner (a person or a team) is required.", cut.Markup));
        Assert.Contains("The purpose is required.", cut.Markup);
        Assert.Null(await app.Services.GetRequiredService<LoopOwners>().FindAsync(loopId, CancellationToken.None));
    }

    [Fact]
    public async Task A_compliance_reviewer_records_the_owner_and_it_is_stored()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        context.SignInAs(PortalRoles.ComplianceReviewer);
        context.RenderProviders();
        var cut = context.Render<LoopOwnerEditor>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=save-owner]"));

        cut.Find("input[data-testid=owner-name]").Input("Editorial team");
        cut.Find("input[data-testid=owner-contact]").Input("editorial@example.org");
        cut.Find("textarea[data-testid=owner-purpose]").Input("Chooses the article on the home page.");
        cut.Find("[data-testid=save-owner]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Last recorded by complianceReviewer@test.local".ToLowerInvariant(), cut.Markup.ToLowerInvariant()));
        var owner = await app.Services.GetRequiredService<LoopOwners>().FindAsync(loopId, CancellationToken.None);
        Assert.Equal("Editorial team", owner!.OwnerName);
    }

    [Fact]
    public async Task Publishing_a_statement_shows_it_as_the_new_version_and_a_too_long_one_is_refused_beside_the_field()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<StatementEditor>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-statement]"));

        cut.Find("textarea[data-testid=statement-draft]").Input(new string('x', DataHandlingStatements.MaxLength + 1));
        cut.Find("[data-testid=publish-statement]").Click();
        cut.WaitForAssertion(() => Assert.Contains("at most 20,000 are allowed", cut.Markup));

        cut.Find("textarea[data-testid=statement-draft]").Input("# What we use\nYour **device**.");
        cut.Find("[data-testid=publish-statement]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Version 1, published by", cut.Find("[data-testid=statement-version]").TextContent));
        Assert.Contains("<strong>device</strong>", cut.Find("[data-testid=statement-text]").InnerHtml);
        Assert.Single(await app.Services.GetRequiredService<DataHandlingStatements>().VersionsAsync(loopId, CancellationToken.None));
    }

    [Fact]
    public async Task Someone_without_the_policy_sees_the_statement_but_no_editor()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        var cut = context.Render<StatementEditor>(p => p.Add(x => x.LoopId, loopId).Add(x => x.ReadOnly, true));

        cut.WaitForAssertion(() => cut.Find("[data-testid=no-statement]"));
        Assert.Empty(cut.FindAll("[data-testid=publish-statement]"));
    }
}
