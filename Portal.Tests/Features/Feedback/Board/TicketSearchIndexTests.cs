using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Feedback.Board;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Board;

public sealed class TicketSearchIndexTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_missing_search_index_is_rebuilt_from_the_tickets_at_start_up_and_then_follows_new_ones()
    {
        var before = await factory.SubmitAsync("Kept across the rebuild: cucumber " + Guid.NewGuid().ToString("N"));
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            foreach (var statement in new[]
                     {
                         "DROP TRIGGER FeedbackTicketSearch_AfterInsert", "DROP TRIGGER FeedbackTicketSearch_AfterDelete",
                         "DROP TRIGGER FeedbackTicketSearch_AfterUpdate", "DROP TABLE FeedbackTicketSearch",
                     })
                await db.Database.ExecuteSqlRawAsync(statement);
        }

        await TicketSearchIndex.EnsureAsync(dbFactory, CancellationToken.None);
        var after = await factory.SubmitAsync("Added after the rebuild: cucumber " + Guid.NewGuid().ToString("N"));

        var found = await factory.Services.GetRequiredService<TicketQueries>()
            .PageAsync(new TicketFilter { Search = "CUCUMBER" }, TicketSort.Newest, 0, 10, CancellationToken.None);
        Assert.Equal([after.Reference, before.Reference], found.Items.Select(t => t.Reference));
    }
}
