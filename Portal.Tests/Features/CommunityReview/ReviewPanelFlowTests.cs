using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.CommunityReview.Panels;
using Portal.Features.CommunityReview.Results;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

/// <summary>A panel from creation to results: the sample, the reviewer's page, judgements, tickets, links revoked and expired.</summary>
public sealed class ReviewPanelFlowTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_panel_samples_each_segment_up_to_its_quota_and_never_an_opted_out_decision()
    {
        var loopId = await factory.LoopWithDecisionsAsync();

        var panelId = await factory.CreatePanelAsync(loopId, perSegment: 5);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var items = await db.ReviewPanelItems.Where(i => i.PanelId == panelId).ToListAsync();
        Assert.Equal(new Dictionary<string, int> { ["user.ageBand = 18-24"] = 5, ["user.ageBand = 25-34"] = 5, ["user.ageBand = 65+"] = 3 },
            items.GroupBy(i => i.Segment).ToDictionary(g => g.Key, g => g.Count()));
        var optedOut = Enumerable.Range(23, 4).Select(i => ReviewPanelFixture.EventIdPrefix + i);
        Assert.DoesNotContain(items, i => optedOut.Contains(i.EventId));
        Assert.Equal(Enumerable.Range(0, 13), items.Select(i => i.Position).Order());
    }

    [Fact]
    public async Task The_reviewer_page_shows_what_was_shown_and_why_but_no_audit_only_value_no_id_and_no_free_text()
    {
        var (loopId, _, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.61");

        for (var position = 1; position <= 13; position++)
        {
            var html = await browser.GetStringAsync($"{page}?item={position}");

            Assert.Contains($"Suggestion {position} of 13", html);
            Assert.Contains("data-testid=\"review-reason\"", html);
            Assert.Contains("data-testid=\"review-ranking\"", html);
            Assert.Contains("action-0", html);
            Assert.DoesNotContain(ReviewPanelFixture.SecretGender, html);
            Assert.DoesNotContain(ReviewPanelFixture.UserIdPrefix, html);
            Assert.DoesNotContain(ReviewPanelFixture.EventIdPrefix, html);
            Assert.DoesNotContain(ReviewPanelFixture.FreeText, html);
            Assert.DoesNotContain(loopId, html);
        }
    }

    [Fact]
    public async Task Every_reviewer_of_a_panel_sees_the_same_items_in_the_same_order()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panelId = await factory.CreatePanelAsync(loopId);
        var first = await factory.InviteAsync(panelId, "First");
        var second = await factory.InviteAsync(panelId, "Second");
        var browser = factory.Browser("203.0.113.62");

        for (var position = 1; position <= 13; position += 4)
        {
            var one = ItemOf(await browser.GetStringAsync($"{first}?item={position}"));
            var two = ItemOf(await browser.GetStringAsync($"{second}?item={position}"));
            Assert.Equal(one, two);
        }
    }

    [Fact]
    public async Task A_harmful_judgement_is_stored_and_opens_a_ticket_about_the_decision()
    {
        var (loopId, panelId, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.63");

        var posted = await browser.JudgeAsync(page, "Harmful", note: "<b>Shown to a child</b>");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"review-saved\"", html);
        Assert.Contains("Suggestion 2 of 13", html);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var judgement = await db.ReviewJudgements.SingleAsync(j => j.PanelId == panelId);
        Assert.Equal(ReviewVerdict.Harmful, judgement.Verdict);
        Assert.Equal("<b>Shown to a child</b>", judgement.Note);
        var item = await db.ReviewPanelItems.SingleAsync(i => i.Id == judgement.ItemId);
        var ticket = await db.FeedbackTickets.SingleAsync(t => t.Reference == judgement.TicketReference);
        Assert.Equal(FeedbackCategory.Offensive, ticket.Category);
        Assert.Equal((loopId, item.EventId), (ticket.LoopId, ticket.EventId));
        Assert.Contains("Autumn community review", ticket.Message);
        Assert.Contains("<b>Shown to a child</b>", ticket.Message);
    }

    [Fact]
    public async Task An_appropriate_judgement_opens_no_ticket_unless_the_reviewer_asks()
    {
        var (_, panelId, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.64");

        await browser.JudgeAsync(page, "Appropriate");
        await browser.JudgeAsync(page, "Irrelevant", askForTicket: true);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var judgements = await db.ReviewJudgements.Where(j => j.PanelId == panelId).OrderBy(j => j.Id).ToListAsync();
        Assert.Null(judgements[0].TicketReference);
        Assert.NotNull(judgements[1].TicketReference);
        Assert.Equal(FeedbackCategory.Irrelevant, (await db.FeedbackTickets.SingleAsync(t => t.Reference == judgements[1].TicketReference)).Category);
    }

    [Fact]
    public async Task The_page_lists_every_suggestion_with_the_reviewers_own_verdict_and_opens_the_list_once_all_are_judged()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panelId = await factory.CreatePanelAsync(loopId, perSegment: 1);
        var page = await factory.InviteAsync(panelId);
        var browser = factory.Browser("203.0.113.66");

        await browser.JudgeAsync(page, "Unfair");
        var html = await browser.GetStringAsync(page);

        Assert.Equal(["Suggestion 1: Unfair", "Suggestion 2: not judged yet", "Suggestion 3: not judged yet"], ListedItems(html));
        Assert.Matches("""<a href="review/[^"]+\?item=2" aria-current="page">Suggestion 2</a>""", html);
        Assert.DoesNotMatch("<details[^>]*data-testid=\"review-list\"[^>]*open", html);

        await browser.JudgeAsync(page, "Appropriate");
        await browser.JudgeAsync(page, "Harmful");
        html = await browser.GetStringAsync(page);

        Assert.Contains("data-testid=\"review-done\"", html);
        Assert.Equal(["Suggestion 1: Unfair", "Suggestion 2: Appropriate", "Suggestion 3: Harmful"], ListedItems(html));
        Assert.Matches("<details[^>]*open", html);
    }

    /// <summary>The list's entries as a person reads them ("Suggestion 1: Unfair").</summary>
    private static List<string> ListedItems(string html) =>
        [.. Regex.Matches(html, """<li data-testid="review-list-item">(.*?)</li>""", RegexOptions.Singleline)
            .Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<[^>]+>", ""), @"\s+", " ").Replace(" :", ":").Trim())];

    [Fact]
    public async Task A_judgement_without_the_antiforgery_token_gets_400_and_nothing_is_stored()
    {
        var (_, panelId, page) = await factory.ReviewerLinkAsync();

        var forged = await factory.Browser("203.0.113.65").JudgeAsync(page, "Unfair", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await factory.JudgementsAsync(panelId));
    }

    [Fact]
    public async Task A_judgement_without_a_verdict_or_with_a_long_note_is_explained_and_nothing_is_stored()
    {
        var (_, panelId, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.66");

        var noVerdict = await (await browser.JudgeAsync(page, "")).Content.ReadAsStringAsync();
        var longNote = await (await browser.JudgeAsync(page, "Unfair", note: new string('x', 1001))).Content.ReadAsStringAsync();

        Assert.Contains("Choose how you judge this suggestion.", noVerdict);
        Assert.Contains("more than 1,000 characters", longNote);
        Assert.Equal(0, await factory.JudgementsAsync(panelId));
    }

    [Fact]
    public async Task A_revoked_link_gets_403_for_reading_and_posting_and_stores_nothing()
    {
        var (_, panelId, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.67");
        var openForm = await browser.GetStringAsync(page);
        var invitationId = (await factory.Services.GetRequiredService<PanelQueries>().InvitationsAsync(panelId, None)).Single().Id;

        Assert.True(await factory.Services.GetRequiredService<PanelService>().RevokeAsync(invitationId, ReviewPanelFixture.Reviewer, None));

        var read = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Contains("This review link was withdrawn", await read.Content.ReadAsStringAsync());
        var posted = await PostFromAsync(browser, page, openForm);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(0, await factory.JudgementsAsync(panelId));
        Assert.False(await factory.Services.GetRequiredService<PanelService>().RevokeAsync(invitationId, ReviewPanelFixture.Reviewer, None));
    }

    [Fact]
    public async Task A_link_used_after_its_panel_expired_gets_410_and_stores_nothing()
    {
        var (_, panelId, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.68");
        var openForm = await browser.GetStringAsync(page);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            await db.ReviewPanels.Where(p => p.Id == panelId).ExecuteUpdateAsync(p => p.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));

        var read = await browser.GetAsync(page);
        var posted = await PostFromAsync(browser, page, openForm);

        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
        Assert.Contains("This review link has expired", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal(0, await factory.JudgementsAsync(panelId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(PortalRoles.Admin)]
    [InlineData(PortalRoles.ProductOwner)]
    [InlineData(PortalRoles.ComplianceReviewer)]
    public async Task The_reviewer_page_opens_for_anyone_holding_the_link_signed_in_or_not(string? role)
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var page = await factory.InviteAsync(await factory.CreatePanelAsync(loopId));
        HttpClient browser;
        if (role is null) browser = factory.Browser("203.0.113.71");
        else
        {
            var email = $"panel-{role.ToLowerInvariant()}@test.local";
            await factory.CreateUserAsync(email, role);
            browser = await factory.LoginAsync(email, PortalAppFactory.UserPassword);
        }

        var response = await browser.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Suggestion 1 of 13", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Judgements_beyond_the_limit_per_address_get_429_with_retry_after()
    {
        var (_, _, page) = await factory.ReviewerLinkAsync();
        var browser = factory.Browser("203.0.113.72");
        var limit = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Features.CommunityReview.CommunityReviewOptions>>().Value.JudgementPostsPerMinute;

        HttpResponseMessage last = null!;
        for (var i = 0; i <= limit; i++) last = await browser.JudgeAsync(page, "Appropriate");

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task A_wrong_link_gets_404_and_the_plain_page()
    {
        var response = await factory.Browser("203.0.113.69").GetAsync("/review/not-a-link");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page is not available", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Results_per_segment_count_the_judgements_and_the_agreement_of_two_reviewers()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panelId = await factory.CreatePanelAsync(loopId);
        var first = await factory.InviteAsync(panelId, "First");
        var second = await factory.InviteAsync(panelId, "Second");
        var browser = factory.Browser("203.0.113.70");
        // Both judge items 1–4: they agree on 1–3 (appropriate) and differ on 4 (unfair vs. appropriate).
        for (var i = 1; i <= 4; i++)
        {
            await browser.JudgeAsync($"{first}?item={i}", i == 4 ? "Unfair" : "Appropriate");
            await browser.JudgeAsync($"{second}?item={i}", "Appropriate");
        }

        var results = (await factory.Services.GetRequiredService<PanelResultsQueries>().ForPanelAsync(panelId, None))!;

        Assert.Equal(2, results.Reviewers);
        Assert.Equal(13, results.Segments.Sum(s => s.Items));
        Assert.Equal(8, results.Overall.Judgements);
        Assert.Equal((1, 8), (results.Overall.Of(ReviewVerdict.Unfair).Count, results.Overall.Of(ReviewVerdict.Unfair).Of));
        // Pairable values 8: o_AA = 6 + 0, o_AU = o_UA = 1; n_A = 7, n_U = 1. α = 1 − 7·2/(7·1·2) = 0.
        Assert.Equal(0.0, results.Overall.Agreement.Alpha, 12);
        Assert.Equal(8, results.Segments.Sum(s => s.Judgements));
        Assert.Equal(1, results.TicketsOpened);
    }

    [Fact]
    public async Task Creating_inviting_and_revoking_are_audited_and_need_the_policy()
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panels = factory.Services.GetRequiredService<PanelService>();
        var owner = TestActors.Person("owner-id", "owner@test.local", PortalRoles.ProductOwner);

        await Assert.ThrowsAsync<ForbiddenException>(() => panels.CreateAsync(new PanelForm { LoopId = loopId, Name = "x", StrataBy = "user.ageBand" }, owner, None));
        var panelId = await factory.CreatePanelAsync(loopId);
        await factory.InviteAsync(panelId);
        var invitationId = (await factory.Services.GetRequiredService<PanelQueries>().InvitationsAsync(panelId, None)).Single().Id;
        await panels.RevokeAsync(invitationId, TestActors.Admin(), None);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditEntries.Where(e => e.LoopId == loopId && e.Action.StartsWith("review.")).OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal([PanelService.CreatedAction, PanelService.InvitedAction, PanelService.RevokedAction], entries.Select(e => e.Action));
        Assert.Equal(["reviewer@test.local", "reviewer@test.local", "admin@test.local"], entries.Select(e => e.ActorName));
        Assert.DoesNotContain(entries, e => (e.After ?? "").Contains("/review/"));
    }

    [Fact]
    public async Task A_panel_without_any_decision_in_its_segments_is_refused_and_nothing_is_stored()
    {
        var (loopId, _) = await factory.CreateLoopAsync();

        var created = await factory.Services.GetRequiredService<PanelService>().CreateAsync(
            new PanelForm { LoopId = loopId, Name = "Empty", StrataBy = "user.ageBand" }, ReviewPanelFixture.Reviewer, None);

        Assert.Null(created.PanelId);
        Assert.Contains("No decisions", created.Problem);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.ReviewPanels.AnyAsync(p => p.LoopId == loopId));
    }

    private static string ItemOf(string html)
    {
        var start = html.IndexOf("data-testid=\"review-item\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>Posts the form as it was rendered before the link changed (its own antiforgery token and item).</summary>
    private static Task<HttpResponseMessage> PostFromAsync(HttpClient browser, string page, string html)
    {
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var item = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.ItemId\" value=\"(\\d+)\"").Groups[1].Value;
        return browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "judgement", ["Input.ItemId"] = item, ["Input.Verdict"] = "Unfair", ["__RequestVerificationToken"] = token,
        }));
    }
}
