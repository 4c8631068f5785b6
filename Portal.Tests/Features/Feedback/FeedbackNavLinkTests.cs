using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Feedback;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback;

public sealed class FeedbackNavLinkTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.ComplianceReviewer);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task The_navigation_shows_the_number_of_new_tickets_and_updates_it_when_one_arrives()
    {
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = context.Render<FeedbackNavLink>();

        await app.SubmitAsync("Nav count " + Guid.NewGuid().ToString("N"));
        var expected = (await app.Services.GetRequiredService<Portal.Features.Feedback.Board.TicketQueries>().CountsAsync(CancellationToken.None)).New;

        cut.WaitForAssertion(() => Assert.Equal(expected.ToString(), cut.Find("[data-testid=nav-new-count]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
    }
}
