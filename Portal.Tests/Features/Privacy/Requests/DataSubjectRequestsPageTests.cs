using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Privacy;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

public sealed class DataSubjectRequestsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app, PortalRoles.Admin);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private static string NewUser() => "page-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Two decisions of the user, a ticket with a contact address about one of them; returns the loop.</summary>
    private async Task<string> SeedAsync(string user, bool optedOut = false)
    {
        var (loopId, api) = await app.CreateLoopAsync();
        var eventId = await api.RankForAsync(user);
        await api.RankForAsync(user);
        await api.RankForAsync(NewUser());
        await app.TicketAboutAsync(loopId, eventId, $"About me, {user}.", "jane@example.com");
        if (optedOut) await app.Services.GetRequiredService<OptOutRegistry>().OptOutAsync(loopId, user, OptOutSource.Api, Actor.System, CancellationToken.None);
        return loopId;
    }

    private IRenderedComponent<DataSubjectRequestsPage> Find(string userId)
    {
        var cut = context.Render<DataSubjectRequestsPage>();
        cut.Find("input[data-testid=subject-user-id]").Input(userId);
        cut.Find("[data-testid=subject-find]").Click();
        return cut;
    }

    [Theory]
    [InlineData("", "Enter a user id, a contact email address, or both.")]
    [InlineData("tab\there", "userId contains control characters.")]
    [InlineData(null, "userId is longer than 256 characters.")]
    public void A_bad_user_id_is_explained_next_to_the_field_and_nothing_is_looked_up(string? userId, string error)
    {
        var cut = Find(userId ?? new string('x', UserIds.MaxLength + 1));

        Assert.Contains(error, cut.Find(".mud-input-control").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=subject-findings]"));
        Assert.Empty(cut.FindAll("[data-testid=subject-message]"));
    }

    [Fact]
    public async Task An_address_alone_finds_the_tickets_sent_with_it_and_the_export_form_carries_it()
    {
        var email = $"page.{Guid.NewGuid().ToString("N")[..10]}@example.org";
        await app.TicketFromFormAsync("Where is my data?", email);
        var cut = context.Render<DataSubjectRequestsPage>();

        cut.Find("input[data-testid=subject-contact-email]").Input(email.ToUpperInvariant());
        cut.Find("[data-testid=subject-find]").Click();

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=held-tickets-count]").TextContent.Trim()));
        Assert.Equal("0", cut.Find("[data-testid=held-decisions-count]").TextContent.Trim());
        Assert.Equal(email, cut.Find("[data-testid=subject-export-form] input[name=contactEmail]").GetAttribute("value"));
    }

    [Fact]
    public void A_malformed_address_is_explained_next_to_its_field_and_nothing_is_looked_up()
    {
        var cut = context.Render<DataSubjectRequestsPage>();

        cut.Find("input[data-testid=subject-user-id]").Input(NewUser());
        cut.Find("input[data-testid=subject-contact-email]").Input("jane at example.org");
        cut.Find("[data-testid=subject-find]").Click();

        Assert.Contains("contactEmail is not an email address", cut.FindAll(".mud-input-control")[1].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=subject-findings]"));
        Assert.Empty(cut.FindAll("[data-testid=subject-message]"));
    }

    [Fact]
    public void An_unknown_user_id_holds_nothing()
    {
        var cut = Find(NewUser());

        cut.WaitForAssertion(() => Assert.Equal(SubjectFindings.NothingHeldMessage, cut.Find("[data-testid=subject-message]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=subject-findings]"));
    }

    [Fact]
    public async Task Find_shows_the_count_of_each_kind()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user, optedOut: true);

        var cut = Find(user);

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=held-decisions-count]").TextContent));
        Assert.Contains($"in {loopId} (2)", cut.Find("[data-testid=held-decisions]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=held-tickets-count]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=held-contactEmails-count]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=held-optOuts-count]").TextContent);
        Assert.Equal(user, cut.Find("[data-testid=subject-export-form] input[name=userId]").GetAttribute("value"));
    }

    [Fact]
    public async Task Erase_asks_first_naming_what_goes_and_erases_only_when_confirmed()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user, optedOut: true);
        var dialogs = context.RenderProviders();
        var cut = Find(user);
        cut.WaitForAssertion(() => cut.Find("[data-testid=subject-erase]"));

        cut.Find("[data-testid=subject-erase]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=erase-list]"));
        var listed = dialogs.FindAll("[data-testid=erase-list] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Feedback tickets: 1", "Contact email addresses: 1", $"Decisions: 2, in {loopId} (2)"], listed);
        Assert.False(dialogs.Find("input[data-testid=erase-opt-outs]").HasAttribute("checked"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Equal(2, (await app.FindAsync(user)).CountOf("decisions"));

        cut.Find("[data-testid=subject-erase]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-erase]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Erased.", cut.Find("[data-testid=erasure-summary]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("Decisions: 2", cut.Find("[data-testid=erased-decisions]").TextContent);
        Assert.Contains("opt-out entries were kept", cut.Find("[data-testid=erasure-summary]").TextContent);
        var left = await app.FindAsync(user);
        Assert.Equal((0L, 0L, 1L), (left.CountOf("decisions"), left.CountOf("tickets"), left.CountOf("optOuts")));
    }

    [Fact]
    public async Task Leaving_the_page_does_not_stop_an_erasure_and_the_page_opened_again_lists_it()
    {
        var user = NewUser();
        await SeedAsync(user);
        var erasures = app.Services.GetRequiredService<BackgroundErasures>();
        var dialogs = context.RenderProviders();
        var cut = Find(user);
        cut.WaitForAssertion(() => cut.Find("[data-testid=subject-erase]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-erase]").Click());
        ErasureJob? job = null;
        cut.WaitForAssertion(() => job = Assert.Single(erasures.Jobs, j => j.Subject.UserId == user), TimeSpan.FromSeconds(10));

        await context.DisposeComponentsAsync();
        var result = await job!.Completion;

        Assert.Equal(ErasureOutcome.Completed, result.Outcome);
        Assert.True((await app.FindAsync(user)).NothingHeld);
        var again = context.Render<DataSubjectRequestsPage>();
        var row = again.FindAll("[data-testid=background-erasure]").Single(r => r.TextContent.Contains(user));
        var erased = result.Erased.Where(c => c.Kind != SubjectSearch.OptOutsKind).Sum(c => c.Count);
        Assert.Equal(4, erased);
        Assert.Equal("Erased (4 rows)", row.QuerySelector("[data-testid=background-erasure-state]")!.TextContent);
        Assert.Contains("admin@test.local", row.TextContent);
    }

    [Fact]
    public async Task Erasures_that_another_node_runs_or_that_wait_to_run_again_are_listed_too()
    {
        var (running, waiting) = (NewUser(), NewUser());
        var later = DateTimeOffset.UtcNow.AddHours(1);
        await using (var db = await app.DbAsync())
        {
            db.PendingErasures.AddRange(
                new PendingErasure { UserId = running, RequestedByName = "ana@test.local", RequestedAt = DateTimeOffset.UtcNow, Holder = "node-b", ClaimedUntil = later },
                new PendingErasure { UserId = waiting, RequestedByName = "bo@test.local", RequestedAt = DateTimeOffset.UtcNow, ClaimedUntil = later, FailedRuns = 2 });
            await db.SaveChangesAsync();
        }
        try
        {
            var cut = context.Render<DataSubjectRequestsPage>();

            cut.WaitForAssertion(() => Assert.Contains(running, cut.Find("[data-testid=background-erasures]").TextContent));
            var rows = cut.FindAll("[data-testid=background-erasure]");
            Assert.Contains("Running on node-b", rows.Single(r => r.TextContent.Contains(running)).TextContent);
            Assert.Contains("Waiting to run again (2 of 5 runs failed)", rows.Single(r => r.TextContent.Contains(waiting)).TextContent);

            Row(cut, waiting).QuerySelector("[data-testid=background-erasure-cancel]")!.Click();
            cut.WaitForAssertion(() => Assert.Contains("Cancelled: it will not run again.", Row(cut, waiting).TextContent));
            Row(cut, running).QuerySelector("[data-testid=background-erasure-cancel]")!.Click();
            cut.WaitForAssertion(() => Assert.Contains("Asked node-b to stop it", Row(cut, running).TextContent));
            await using var db = await app.DbAsync();
            Assert.False(await db.PendingErasures.AnyAsync(e => e.UserId == waiting));
            Assert.Equal("admin@test.local", await db.PendingErasures.Where(e => e.UserId == running).Select(e => e.CancelRequestedBy).SingleAsync());
        }
        finally
        {
            await using var db = await app.DbAsync();
            await db.PendingErasures.Where(e => e.UserId == running || e.UserId == waiting).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task Another_nodes_erasure_shows_the_progress_it_stored_and_says_when_it_ended()
    {
        var user = NewUser();
        var row = new PendingErasure
        {
            UserId = user, RequestedByName = "ana@test.local", RequestedAt = DateTimeOffset.UtcNow, Holder = "node-b", ClaimedUntil = DateTimeOffset.UtcNow.AddMinutes(2),
            ProgressStep = "Decisions", ProgressDone = 0.4, ProgressAt = new DateTimeOffset(2026, 12, 7, 9, 30, 5, TimeSpan.Zero),
        };
        await using (var db = await app.DbAsync())
        {
            db.PendingErasures.Add(row);
            await db.SaveChangesAsync();
        }
        var cut = context.Render<DataSubjectRequestsPage>();
        cut.WaitForAssertion(() => Assert.Contains(user, cut.Find("[data-testid=background-erasures]").TextContent));
        Assert.Equal("Running on node-b: Decisions… 40 % at 09:30:05 UTC", Row(cut, user).QuerySelector("[data-testid=background-erasure-state]")!.TextContent);

        // Node b completes it: its record goes.
        await using (var db = await app.DbAsync()) await db.PendingErasures.Where(e => e.Id == row.Id).ExecuteDeleteAsync();

        cut.WaitForAssertion(() => Assert.Equal("Ended: its outcome is in the audit log.", Row(cut, user).QuerySelector("[data-testid=background-erasure-state]")!.TextContent),
            BackgroundErasuresPanel.ReadEvery * 3);
        Assert.Empty(Row(cut, user).QuerySelectorAll("[data-testid=background-erasure-cancel]"));
    }

    [Fact]
    public async Task A_given_up_erasure_is_listed_with_its_error_and_run_again_from_the_page()
    {
        var user = NewUser();
        var loopId = await SeedAsync(user);
        await using (var db = await app.DbAsync())
        {
            db.PendingErasures.Add(new PendingErasure
            {
                UserId = user, RequestedByName = "ana@test.local", RequestedAt = DateTimeOffset.UtcNow.AddHours(-1), ClaimedUntil = DateTimeOffset.UtcNow.AddMinutes(-5),
                FailedRuns = BackgroundErasures.MaxRuns, LastError = "SQLite Error 13: 'database or disk is full'.", GivenUpAt = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }
        var cut = context.Render<DataSubjectRequestsPage>();

        cut.WaitForAssertion(() => Assert.Contains(user, cut.Find("[data-testid=background-erasures]").TextContent));
        Assert.Equal("Given up at 2026-12-07 09:30 after 5 failed runs. Last error: SQLite Error 13: 'database or disk is full'.",
            Row(cut, user).QuerySelector("[data-testid=background-erasure-state]")!.TextContent);
        Row(cut, user).QuerySelector("[data-testid=background-erasure-run-again]")!.Click();

        cut.WaitForAssertion(() => Assert.Matches(@"^Erased \(\d+ rows\)$", Row(cut, user).QuerySelector("[data-testid=background-erasure-state]")!.TextContent), TimeSpan.FromSeconds(30));
        Assert.Single(await app.EventIdsAsync(loopId));
        await using var after = await app.DbAsync();
        Assert.False(await after.PendingErasures.AnyAsync(e => e.UserId == user));
    }

    [Fact]
    public async Task The_menu_entry_counts_the_given_up_erasures()
    {
        var before = context.Render<SubjectRequestsNavLink>();
        var shownBefore = before.FindAll("[data-testid=given-up-erasures]").Select(e => int.Parse(e.TextContent)).SingleOrDefault();
        var user = NewUser();
        await using (var db = await app.DbAsync())
        {
            db.PendingErasures.Add(new PendingErasure
            {
                UserId = user, RequestedByName = "ana@test.local", RequestedAt = DateTimeOffset.UtcNow, ClaimedUntil = DateTimeOffset.UtcNow,
                FailedRuns = BackgroundErasures.MaxRuns, GivenUpAt = DateTimeOffset.UtcNow, LastError = "disk on fire",
            });
            await db.SaveChangesAsync();
        }
        try
        {
            var after = context.Render<SubjectRequestsNavLink>();

            after.WaitForAssertion(() => Assert.Equal((shownBefore + 1).ToString(), after.Find("[data-testid=given-up-erasures]").TextContent));
            Assert.Contains("Data-subject requests", after.Markup);
        }
        finally
        {
            await using var db = await app.DbAsync();
            await db.PendingErasures.Where(e => e.UserId == user).ExecuteDeleteAsync();
        }
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<DataSubjectRequestsPage> cut, string user) =>
        cut.FindAll("[data-testid=background-erasure]").Single(r => r.TextContent.Contains(user));

    [Fact]
    public async Task Someone_without_the_policy_is_told_so_and_nothing_is_shown()
    {
        var user = NewUser();
        await SeedAsync(user);
        context.SignInAs(PortalRoles.ProductOwner);

        var cut = Find(user);

        cut.WaitForAssertion(() => Assert.Contains("is not allowed to find, export or erase", cut.Find("[data-testid=subject-message]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=subject-findings]"));
    }
}
