using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Features.Feedback.Tickets;
using Portal.Tests.TestInfrastructure;
using Portal.Infrastructure.Security;

namespace Portal.Tests.Features.Feedback;

public sealed class FeedbackSegmentCountsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Unfair_tickets_of_a_loop_are_counted_by_the_value_of_a_context_feature_of_their_decision()
    {
        var loop = await factory.CreateLoopAsync();
        foreach (var (ageBand, category) in new[]
                 {
                     ("65+", FeedbackCategory.UnfairOrBiased), ("65+", FeedbackCategory.UnfairOrBiased), ("25-34", FeedbackCategory.UnfairOrBiased),
                     ("65+", FeedbackCategory.Irrelevant),
                 })
        {
            var (_, link) = await factory.RankedDecisionAsync(ageBand, loop);
            await factory.SubmitAsync($"{category} for {ageBand} {Guid.NewGuid():N}", category, link);
        }
        await factory.SubmitAsync("Unfair, but from no decision " + Guid.NewGuid().ToString("N"));
        var (_, duplicateLink) = await factory.RankedDecisionAsync("65+", loop);
        var duplicate = await factory.SubmitAsync("Merged away " + Guid.NewGuid().ToString("N"), decisionLink: duplicateLink);
        var primary = await factory.SubmitAsync("Primary " + Guid.NewGuid().ToString("N"));
        await factory.Services.GetRequiredService<TicketMerge>().MergeAsync(
            await factory.TicketIdAsync(duplicate.Reference), primary.Reference, TestActors.Person(null, "r", PortalRoles.ComplianceReviewer), CancellationToken.None);

        var counts = await factory.Services.GetRequiredService<FeedbackSegmentCounts>()
            .UnfairBySegmentAsync(loop.Id, "user.ageBand", CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["65+"] = 2, ["25-34"] = 1 }, counts);
        Assert.Empty(await factory.Services.GetRequiredService<FeedbackSegmentCounts>()
            .UnfairBySegmentAsync(loop.Id, "user.country", CancellationToken.None));
    }
}
