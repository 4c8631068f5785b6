using Microsoft.Playwright;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Feedback;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class FeedbackFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_end_user_reports_a_decision_from_its_why_page_a_reviewer_triages_freezes_and_replies_and_the_user_sees_the_reply()
    {
        var (eventId, link) = await browser.App.RankedDecisionAsync(ageBand: "65+");
        var message = $"I keep getting articles that have nothing to do with me. ({Guid.NewGuid():N})";

        // The end user, without an account, reads why the suggestion was made and follows its feedback link.
        var user = await browser.NewPageAsync();
        await user.GotoAsync("/why/" + link);
        await Assertions.Expect(user.GetByTestId("why-feedback")).ToBeVisibleAsync();
        await user.GetByTestId("why-feedback").ClickAsync();
        await user.WaitForURLAsync(url => url.Contains("/feedback?d=", StringComparison.Ordinal));
        await Assertions.Expect(user.GetByTestId("linked-decision")).ToBeVisibleAsync();
        await user.ScreenshotIfAskedAsync("feedback-form");
        await user.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(user.GetByTestId("error-summary")).ToContainTextAsync("Choose what was wrong with the suggestion.");
        await Assertions.Expect(user.GetByTestId("error-summary")).ToBeFocusedAsync();
        await user.GetByLabel("Unfair or biased").CheckAsync();
        await user.GetByLabel("Your message").FillAsync(message);
        await user.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        var reference = await user.GetByTestId("ticket-reference").InnerTextAsync();
        var statusLink = await user.GetByTestId("status-link").GetAttributeAsync("href");

        // A compliance reviewer finds it on the board, assigns it to themself and replies.
        await browser.App.CreateUserAsync("reviewer-e2e@test.local", PortalRoles.ComplianceReviewer);
        var reviewer = await browser.NewPageAsync();
        await reviewer.LogInAsync("reviewer-e2e@test.local", PortalAppFactory.UserPassword);
        await reviewer.GotoAsync("/tickets");
        await reviewer.WaitForInteractiveAsync();
        await reviewer.GetByLabel("Search reference or message").FillAsync(reference);
        var row = reviewer.GetByTestId("ticket-board").Locator("tbody tr", new() { HasText = reference });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await reviewer.ScreenshotIfAskedAsync("triage-board");
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("ticket-decision")).ToContainTextAsync(eventId);
        await reviewer.WaitForInteractiveAsync();
        await reviewer.GetByTestId("assign-to-me").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("ticket-history")).ToContainTextAsync("Assigned to reviewer-e2e@test.local");
        await reviewer.GetByTestId("move-Triaged").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("status-chip")).ToHaveTextAsync("Triaged");

        // From the ticket, the reviewer freezes the suggested action: Rank stops returning it at once.
        var suggested = await reviewer.GetByTestId("decision-action").InnerTextAsync();
        await reviewer.GetByTestId("freeze-chosen").ClickAsync();
        var dialog = reviewer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByLabel("Reason")).ToHaveValueAsync($"Feedback {reference}: ");
        await dialog.GetByLabel("Reason").FillAsync($"Feedback {reference}: reported as unfair");
        await dialog.GetByTestId("confirm-freeze").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("chosen-frozen")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByTestId("ticket-history")).ToContainTextAsync($"Froze '{suggested}'");
        var rank = browser.App.CreateApiClient();
        for (var i = 0; i < 10; i++)
        {
            var served = await rank.PostAsync("personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(3)));
            Assert.NotEqual(suggested, (await served.ReadJsonAsync()).GetProperty("rewardActionId").GetString());
        }
        await reviewer.GetByLabel("Write a note or a reply").FillAsync("Thank you. We are looking into suggestions for your age group.");
        await reviewer.GetByTestId("send-reply").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("ticket-conversation")).ToContainTextAsync("Reply to the end user");
        await reviewer.ReloadAsync();
        await Assertions.Expect(reviewer.GetByTestId("ticket-conversation")).ToContainTextAsync("We are looking into suggestions");
        await reviewer.EvaluateAsync("() => window.scrollTo(0, 0)");
        await reviewer.ScreenshotIfAskedAsync("ticket-detail");

        // The end user's private status page shows the new status and the reply.
        await user.GotoAsync(statusLink!);
        await Assertions.Expect(user.GetByTestId("ticket-state")).ToHaveTextAsync("Triaged");
        await Assertions.Expect(user.GetByTestId("replies")).ToContainTextAsync("We are looking into suggestions for your age group.");
        await user.ScreenshotIfAskedAsync("ticket-status");
    }
}
