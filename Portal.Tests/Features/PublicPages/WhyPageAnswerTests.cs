using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Features.PublicPages;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.PublicPages;

/// <summary>"Was this explanation clear?" on the Why page, posted as a browser without JavaScript posts it.</summary>
public sealed class WhyPageAnswerTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task An_answer_is_stored_with_its_loop_user_and_segments_and_the_page_thanks_in_place_of_the_form()
    {
        var loop = await factory.CreateLoopAsync();
        var (eventId, token) = await factory.DecisionAsync(loop, "reader-1", ageBand: "65+");
        var browser = factory.Browser("198.51.100.1");

        var page = await browser.GetStringAsync("/why/" + token);
        Assert.Contains("data-testid=\"clarity-form\"", page);
        Assert.Contains($"action=\"/why/{token}\"", page);

        var response = await browser.AnswerAsync(token, "no", "What does \"exploring\" mean?\r\nNot clear.");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"clarity-thanks\"", html);
        Assert.Contains("role=\"status\"", html);
        Assert.DoesNotContain("data-testid=\"clarity-form\"", html);
        var answer = Assert.Single(await factory.ClarityAnswersAsync(loop.Id));
        Assert.Equal(eventId, answer.EventId);
        Assert.False(answer.Clear);
        Assert.Equal("What does \"exploring\" mean?\nNot clear.", answer.Comment);
        Assert.Matches("^[0-9a-f]{32}$", answer.UserHash);
        Assert.Equal([("user.ageBand", "65+")], await factory.ClaritySegmentsAsync(answer.Id));
    }

    [Fact]
    public async Task A_second_answer_to_the_same_decision_replaces_the_first()
    {
        var loop = await factory.CreateLoopAsync();
        var (_, token) = await factory.DecisionAsync(loop, "reader-2");
        var browser = factory.Browser("198.51.100.2");
        await browser.AnswerAsync(token, "no", "Confusing.");

        var again = await browser.AnswerAsync(token, "yes");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = Assert.Single(await factory.ClarityAnswersAsync(loop.Id));
        Assert.True(answer.Clear);
        Assert.Null(answer.Comment);
        Assert.Contains("Answering again replaces your earlier answer", await browser.GetStringAsync("/why/" + token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("maybe")]
    public async Task A_missing_or_unknown_answer_is_refused_beside_the_field_keeps_the_comment_and_stores_nothing(string? clear)
    {
        var loop = await factory.CreateLoopAsync();
        var (_, token) = await factory.DecisionAsync(loop, "reader-3");

        var response = await factory.Browser("198.51.100.3").AnswerAsync(token, clear, "My <b>comment</b>");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p id=\"clarity-answer-error\" class=\"public-error-text\">Choose yes or no.</p>", html);
        Assert.Contains("data-testid=\"error-summary\"", html);
        Assert.Contains("<title>Error: Why this suggestion?</title>", html);
        Assert.Contains("My &lt;b&gt;comment&lt;/b&gt;</textarea>", html);
        Assert.Empty(await factory.ClarityAnswersAsync(loop.Id));
    }

    [Fact]
    public async Task A_comment_over_1000_characters_is_refused_beside_the_field_and_1000_with_line_breaks_are_accepted()
    {
        var loop = await factory.CreateLoopAsync();
        var (_, token) = await factory.DecisionAsync(loop, "reader-4");
        var browser = factory.Browser("198.51.100.4");

        var tooLong = await browser.AnswerAsync(token, "yes", new string('ü', 1001));
        var html = await tooLong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Your comment has 1,001 characters; the limit is 1,000. Please shorten it.", html);
        Assert.Contains("aria-describedby=\"clarity-comment-hint clarity-comment-error\"", html);
        Assert.Empty(await factory.ClarityAnswersAsync(loop.Id));

        // A browser sends each line break as CRLF; it counts as one character, as in the browser's own counter.
        var atLimit = await browser.AnswerAsync(token, "yes", string.Concat(Enumerable.Repeat("abcdefghi\r\n", 100)));
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(999, Assert.Single(await factory.ClarityAnswersAsync(loop.Id)).Comment!.Length);
    }

    [Fact]
    public async Task A_tampered_expired_or_unknown_link_gets_404_and_stores_nothing()
    {
        var loop = await factory.CreateLoopAsync();
        var (eventId, token) = await factory.DecisionAsync(loop, "reader-5");
        var tokens = factory.Services.GetRequiredService<DecisionLinkTokens>();
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var expired = tokens.Create(loop.Id, eventId, DateTimeOffset.UtcNow.AddSeconds(-5));
        var unknown = tokens.Create(loop.Id, "never-ranked", DateTimeOffset.UtcNow.AddDays(1));
        var browser = factory.Browser("198.51.100.5");

        foreach (var link in new[] { tampered, expired, unknown })
        {
            var response = await browser.AnswerAsync(link, "yes", tokenFrom: "/why/" + token);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This page is not available", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(await factory.ClarityAnswersAsync(loop.Id));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_gets_400_with_a_page_and_stores_nothing()
    {
        var loop = await factory.CreateLoopAsync();
        var (_, token) = await factory.DecisionAsync(loop, "reader-6");

        var response = await factory.Browser("198.51.100.6").AnswerAsync(token, "yes", withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please send the form again", await response.Content.ReadAsStringAsync());
        Assert.Empty(await factory.ClarityAnswersAsync(loop.Id));
    }

    [Fact]
    public async Task Answers_beyond_the_limit_per_address_get_429_with_retry_after_and_are_not_stored()
    {
        var loop = await factory.CreateLoopAsync();
        var (_, first) = await factory.DecisionAsync(loop, "reader-7");
        var (lateEvent, late) = await factory.DecisionAsync(loop, "reader-8");
        var browser = factory.Browser("198.51.100.7");
        var limit = factory.Services.GetRequiredService<IOptions<PublicPagesOptions>>().Value.AnswersPerMinutePerAddress;
        for (var i = 0; i < limit; i++) Assert.Equal(HttpStatusCode.OK, (await browser.AnswerAsync(first, i % 2 == 0 ? "yes" : "no")).StatusCode);

        var refused = await browser.AnswerAsync(late, "yes");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Nothing was saved", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await factory.ClarityAnswersAsync(loop.Id), a => a.EventId == lateEvent);
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser("198.51.100.8").AnswerAsync(late, "yes")).StatusCode);
    }

    [Fact]
    public async Task Over_plain_http_the_page_still_explains_and_leaves_the_question_out()
    {
        var loop = await factory.CreateLoopAsync();
        var (_, token) = await factory.DecisionAsync(loop, "reader-9");
        var plain = factory.CreateClient(new() { BaseAddress = new Uri("http://localhost") });

        var response = await plain.GetAsync("/why/" + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"clarity\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_comment_is_never_exported_with_the_decision_log()
    {
        var loop = await factory.CreateLoopAsync();
        var (eventId, token) = await factory.DecisionAsync(loop, "reader-10");
        var comment = "Secret words " + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser("198.51.100.10").AnswerAsync(token, "no", comment)).StatusCode);
        var api = await factory.TokenClientAsync("exporter-" + Guid.NewGuid().ToString("N")[..6] + "@test.local", PortalRoles.ComplianceReviewer);

        foreach (var format in new[] { "dsjson", "csv" })
        {
            var export = await api.GetStringAsync($"/api/v1/loops/{loop.Id}/logs?format={format}");
            Assert.Contains(eventId, export);
            Assert.DoesNotContain(comment, export);
        }
    }
}
