using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Features.Comprehension;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;
using Portal.Features.CommunityReview.Panels;
using Portal.Tests.Features.CommunityReview;
using Portal.Tests.Features.Feedback;
using Portal.Tests.Features.Insights.Bias;
using Portal.Tests.TestInfrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.E2E;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on every public page and the main portal pages, at a desktop width and at a phone's
/// (390 px, where the public pages must not scroll sideways and keep their main controls in view). Each page's count is
/// printed; every one must be 0.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
[NoCspViolations]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const int DesktopWidth = 1280;

    [Fact]
    public async Task The_why_page_and_the_opt_out_page_it_links_to_pass_axe_and_fit_a_phone()
    {
        var whyPath = await browser.WhyPathForAUserAsync("a11y-reader-" + Guid.NewGuid().ToString("N")[..8]);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(whyPath);
        await CheckPublicPageAsync(page, "Why page", page.GetByTestId("why-feedback"), page.GetByTestId("why-opt-out"));
        await page.GotoAsync(await page.GetByTestId("why-opt-out").GetAttributeAsync("href") ?? "");
        var optOut = page.GetByRole(AriaRole.Button, new() { Name = "Stop personalizing suggestions for me" });
        await CheckPublicPageAsync(page, "Opt-out page", optOut);
        await optOut.ClickAsync();
        await CheckPublicPageAsync(page, "Opt-out page, choice saved", page.GetByTestId("opt-out-done"));
        await page.GotoAsync("/why/not-a-real-token");
        await CheckPublicPageAsync(page, "Why page, link not valid", page.GetByRole(AriaRole.Heading, new() { Level = 1 }));
    }

    [Fact]
    public async Task The_why_pages_question_its_errors_and_its_thank_you_pass_axe_and_fit_a_phone()
    {
        var whyPath = await browser.WhyPathForAUserAsync("a11y-answer-" + Guid.NewGuid().ToString("N")[..8]);
        var page = await browser.NewPageAsync();
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send answer" });

        await page.GotoAsync(whyPath);
        await CheckPublicPageAsync(page, "Why page with the question", page.GetByLabel("Yes"), page.GetByLabel("No"), page.GetByLabel("What was unclear"), send);
        await send.ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
        await CheckPublicPageAsync(page, "Why page, question with errors", page.GetByTestId("error-summary"), send);
        await page.GetByLabel("No").CheckAsync();
        await page.GetByLabel("What was unclear").FillAsync("What does trying something new mean? (accessibility test)");
        await send.ClickAsync();
        await Assertions.Expect(page.GetByTestId("clarity-thanks")).ToBeFocusedAsync();
        await CheckPublicPageAsync(page, "Why page, answer received", page.GetByTestId("clarity-thanks"));
    }

    [Fact]
    public async Task The_feedback_form_its_errors_its_receipt_and_the_ticket_status_page_pass_axe_and_fit_a_phone()
    {
        var (_, link) = await browser.App.RankedDecisionAsync();
        var page = await browser.NewPageAsync();
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" });

        await page.GotoAsync("/feedback?d=" + link);
        await CheckPublicPageAsync(page, "Feedback form", page.GetByLabel("Your message"), send);
        await send.ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await CheckPublicPageAsync(page, "Feedback form with errors", page.GetByTestId("error-summary"), send);
        await page.GetByLabel("Irrelevant").CheckAsync();
        await page.GetByLabel("Your message").FillAsync("Nothing to do with what I read. (accessibility test)");
        await send.ClickAsync();
        await CheckPublicPageAsync(page, "Feedback received", page.GetByTestId("ticket-reference"), page.GetByTestId("status-link"));
        await page.GotoAsync(await page.GetByTestId("status-link").GetAttributeAsync("href") ?? "");
        await CheckPublicPageAsync(page, "Ticket status page", page.GetByTestId("ticket-state"));
    }

    [Fact]
    public async Task The_reviewer_page_its_errors_and_its_withdrawn_and_wrong_link_pages_pass_axe_and_fit_a_phone()
    {
        var loopId = await browser.App.LoopWithDecisionsAsync();
        var panelId = await browser.App.CreatePanelAsync(loopId);
        var link = await browser.App.InviteAsync(panelId);
        var page = await browser.NewPageAsync();
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" });

        await page.GotoAsync(link);
        await CheckPublicPageAsync(page, "Reviewer page", page.Locator("#verdict-Unfair"), page.GetByLabel("Your note (optional)"), save);
        await save.ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-errors")).ToBeVisibleAsync();
        await CheckPublicPageAsync(page, "Reviewer page with errors", page.GetByTestId("review-errors"), save);
        await page.Locator("#verdict-Appropriate").CheckAsync();
        await save.ClickAsync();
        await CheckPublicPageAsync(page, "Reviewer page, judgement saved", page.GetByTestId("review-saved"), save);
        await page.GetByText("All 13 suggestions · 1 judged").ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-list-item")).ToHaveCountAsync(13);
        await CheckPublicPageAsync(page, "Reviewer page, list of suggestions open", page.GetByRole(AriaRole.Link, new() { Name = "Suggestion 13" }), save);
        var invitation = (await browser.App.Services.GetRequiredService<PanelQueries>().InvitationsAsync(panelId, CancellationToken.None)).Single();
        await browser.App.Services.GetRequiredService<PanelService>().RevokeAsync(invitation.Id, ReviewPanelFixture.Reviewer, CancellationToken.None);
        await page.GotoAsync(link);
        await CheckPublicPageAsync(page, "Reviewer page, link withdrawn", page.GetByTestId("review-revoked"));
        await page.GotoAsync("/review/not-a-link");
        await CheckPublicPageAsync(page, "Reviewer page, link not valid", page.GetByRole(AriaRole.Heading, new() { Level = 1 }));
    }

    [Fact]
    public async Task The_review_panel_pages_pass_axe_for_a_compliance_reviewer()
    {
        var loopId = await browser.App.LoopWithDecisionsAsync();
        var panelId = await browser.App.CreatePanelAsync(loopId);
        var page = await LogInAsync("reviewer-a11y@test.local", PortalRoles.ComplianceReviewer);

        await OpenPortalPageAsync(page, "/review-panels", page.GetByTestId("panels"));
        await CheckPortalPageAsync(page, "Review panels");
        await OpenPortalPageAsync(page, $"/review-panels/{panelId}", page.GetByTestId("panel-results"));
        await CheckPortalPageAsync(page, "Review panel");
    }

    [Fact]
    public async Task The_login_page_passes_axe_and_fits_a_phone()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/Account/Login");

        await CheckPublicPageAsync(page, "Login page", page.Locator("#Input\\.Email"), page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }));
    }

    [Fact]
    public async Task The_overview_and_the_live_stream_pass_axe_for_a_product_owner()
    {
        var page = await LogInAsync("po-a11y@test.local", PortalRoles.ProductOwner);

        await OpenPortalPageAsync(page, "/", page.Locator("[data-testid=recent-decisions] tbody tr").First);
        await CheckPortalPageAsync(page, "Overview");
        await OpenPortalPageAsync(page, "/stream", page.GetByTestId("stream-row").First);
        await CheckPortalPageAsync(page, "Live stream");

        // On a phone the navigation gives the page its width, and the menu button brings it back.
        await page.SetViewportSizeAsync(Accessibility.PhoneWidth, 844);
        var navigation = page.GetByRole(AriaRole.Link, new() { Name = "Bias and drift" });
        await Assertions.Expect(navigation).Not.ToBeInViewportAsync();
        await page.GetByTestId("toggle-navigation").ClickAsync();
        await Assertions.Expect(navigation).ToBeInViewportAsync();
        await page.AssertNoAxeViolationsAsync("Live stream with the navigation open", output);
    }

    [Fact]
    public async Task The_bias_page_passes_axe_for_a_compliance_reviewer()
    {
        var (loopId, _) = await browser.App.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        await SeededDemoTraffic.RunAsync(browser.App.Services, loopId, PlantedBiasFixture.Visits, seed: 2026);
        await PlantedBiasFixture.AggregatedAsync(browser.App, loopId, DateTimeOffset.UtcNow);
        await AnswerClarityAsync(loopId, answers: 40);
        var page = await LogInAsync("reviewer-a11y@test.local", PortalRoles.ComplianceReviewer);

        await OpenPortalPageAsync(page, $"/insights/bias?loop={loopId}", page.GetByTestId("disparity-table"));
        await Assertions.Expect(page.GetByTestId("comprehension-table")).ToBeVisibleAsync();

        await CheckPortalPageAsync(page, "Bias page");
    }

    [Fact]
    public async Task The_triage_board_and_a_ticket_page_pass_axe_for_a_compliance_reviewer()
    {
        var (_, link) = await browser.App.RankedDecisionAsync(ageBand: "65+");
        var receipt = await browser.App.SubmitAsync("Always the same article for me. (accessibility test)", decisionLink: link);
        var page = await LogInAsync("reviewer-a11y@test.local", PortalRoles.ComplianceReviewer);

        await OpenPortalPageAsync(page, "/tickets", page.GetByTestId("ticket-board").Locator("tbody tr").First);
        await CheckPortalPageAsync(page, "Triage board");
        await OpenPortalPageAsync(page, "/tickets/" + receipt.Reference, page.GetByTestId("ticket-decision"));
        await CheckPortalPageAsync(page, "Ticket page");
    }

    /// <summary>"Was this explanation clear?" answered for the loop's first decisions: two in three clear.</summary>
    private async Task AnswerClarityAsync(string loopId, int answers)
    {
        var services = browser.App.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var events = await db.Decisions.Where(d => d.LoopId == loopId).OrderBy(d => d.Seq).Select(d => d.EventId).Take(answers).ToListAsync();
        var clarity = services.GetRequiredService<ComprehensionAnswers>();
        foreach (var (eventId, i) in events.Select((e, i) => (e, i)))
        {
            var subject = await clarity.SubjectAsync(services.GetRequiredService<DecisionLinkTokens>().Create(loopId, eventId, DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
            await clarity.RecordAsync(subject!, new AnswerForm(i % 3 == 2 ? AnswerForm.No : AnswerForm.Yes, null), CancellationToken.None);
        }
    }

    /// <summary>axe at a desktop width, then at 390 px: no sideways scrolling, and the page's main controls in view.</summary>
    private async Task CheckPublicPageAsync(IPage page, string name, params ILocator[] mainControls)
    {
        await page.SetViewportSizeAsync(DesktopWidth, 900);
        await page.AssertNoAxeViolationsAsync(name, output);
        await page.SetViewportSizeAsync(Accessibility.PhoneWidth, 844);
        await page.AssertNoAxeViolationsAsync(name, output);
        await page.AssertNoHorizontalScrollAsync(name);
        foreach (var control in mainControls)
        {
            await control.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(control).ToBeInViewportAsync();
        }
        await page.ScreenshotIfAskedAsync($"a11y-{Slug(name)}-{Accessibility.PhoneWidth}");
        await page.SetViewportSizeAsync(DesktopWidth, 900);
        await page.ScreenshotIfAskedAsync($"a11y-{Slug(name)}-{DesktopWidth}");
    }

    private async Task CheckPortalPageAsync(IPage page, string name)
    {
        await page.AssertNoAxeViolationsAsync(name, output);
        await page.ScreenshotIfAskedAsync($"a11y-{Slug(name)}-{DesktopWidth}");
    }

    private static async Task OpenPortalPageAsync(IPage page, string path, ILocator content)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(content).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    private async Task<IPage> LogInAsync(string email, string role)
    {
        await browser.App.CreateUserAsync(email, role);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(DesktopWidth, 900);
        await page.LogInAsync(email, PortalAppFactory.UserPassword);
        return page;
    }

    private static string Slug(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Replace("--", "-");
}
