using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.CommunityReview.Results;
using Portal.Tests.Features.CommunityReview;
using Portal.Tests.Features.Feedback;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.E2E;

/// <summary>
/// The public flows with the keyboard alone (Tab, Enter, Space and typing; no click), and a visible focus indicator on
/// every element the focus passes.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class KeyboardAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_end_user_sends_the_feedback_form_with_the_keyboard_alone_and_opens_the_status_link()
    {
        var (_, link) = await browser.App.RankedDecisionAsync();
        var message = $"Not for me at all. (keyboard test {Guid.NewGuid():N})";
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/feedback?d=" + link);
        await Assertions.Expect(page.GetByTestId("linked-decision")).ToBeVisibleAsync();

        await page.TabToAsync("Skip to the main content");
        await page.Keyboard.PressAsync("Enter");
        // The skip link stays on this page (a bare "#main" would resolve against <base href="/"> and leave for the home page).
        await page.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));
        Assert.Contains("/feedback?d=", page.Url);
        await page.TabToAsync("category-Irrelevant");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("message");
        await page.Keyboard.TypeAsync(message);
        await page.TabToAsync("Send feedback");
        await page.ScreenshotIfAskedAsync("keyboard-focus-feedback-send");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("ticket-reference")).ToBeVisibleAsync();
        var reference = await page.GetByTestId("ticket-reference").InnerTextAsync();
        var ticket = Assert.Single(await browser.App.TicketsWithAsync(message));
        Assert.Equal(reference, ticket.Reference);
        Assert.Equal(Portal.Data.Entities.FeedbackCategory.Irrelevant, ticket.Category);
        await page.TabToAsync(browser.BaseUrl + "/feedback/status/");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("ticket-state")).ToHaveTextAsync("New");
    }

    [Fact]
    public async Task An_end_user_opens_the_opt_out_from_the_why_page_and_opts_out_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(await browser.WhyPathForAUserAsync("keyboard-reader-" + Guid.NewGuid().ToString("N")[..8]));

        await page.TabToAsync("Stop personalizing for me");
        await page.ScreenshotIfAskedAsync("keyboard-focus-why-opt-out-link");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Turn off personalized suggestions");
        await page.TabToAsync("Stop personalizing suggestions for me");
        await page.Keyboard.PressAsync("Space");

        await Assertions.Expect(page.GetByTestId("opt-out-done")).ToContainTextAsync("now off for you");
    }

    [Fact]
    public async Task A_community_reviewer_judges_a_suggestion_with_the_keyboard_alone()
    {
        var loopId = await browser.App.LoopWithDecisionsAsync();
        var panelId = await browser.App.CreatePanelAsync(loopId);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(await browser.App.InviteAsync(panelId));
        await Assertions.Expect(page.GetByTestId("review-item")).ToBeVisibleAsync();

        await page.TabToAsync("verdict-Appropriate");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabToAsync("note");
        await page.Keyboard.TypeAsync("Only older readers get this. (keyboard test)");
        await page.TabToAsync("Save judgement");
        await page.ScreenshotIfAskedAsync("keyboard-focus-review-save");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("review-saved")).ToContainTextAsync("Saved your judgement of suggestion 1");
        await Assertions.Expect(page.GetByTestId("review-progress")).ToContainTextAsync("Suggestion 2 of 13");
        var results = await browser.App.Services.GetRequiredService<PanelResultsQueries>().ForPanelAsync(panelId, CancellationToken.None);
        Assert.Equal(1, results!.Overall.Of(ReviewVerdict.Unfair).Count);
    }

    [Fact]
    public async Task An_end_user_answers_whether_the_explanation_was_clear_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        var whyPath = await browser.WhyPathForAUserAsync("keyboard-answer-" + Guid.NewGuid().ToString("N")[..8]);
        var comment = $"Clear, thanks. (keyboard test {Guid.NewGuid():N})";
        await page.GotoAsync(whyPath);

        await page.TabToAsync("clarity-yes");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("clarity-comment");
        await page.Keyboard.TypeAsync(comment);
        await page.TabToAsync("Send answer");
        await page.ScreenshotIfAskedAsync("keyboard-focus-why-send-answer");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("clarity-thanks")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("clarity-thanks")).ToContainTextAsync("Thank you for your answer");
        var answer = Assert.Single(await browser.App.ClarityAnswersAsync("demo"), a => a.Comment == comment);
        Assert.True(answer.Clear);
    }
}
