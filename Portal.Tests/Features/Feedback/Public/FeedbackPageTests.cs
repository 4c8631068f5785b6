using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Public;

public sealed class FeedbackPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Anyone_can_send_feedback_and_gets_a_reference_and_a_private_status_link_that_works()
    {
        var message = Unique("The offer ignored my stated interests.");

        var response = await factory.Browser().PostFeedbackAsync(message);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (reference, token) = FeedbackForm.ReadReceipt(html);
        var ticket = Assert.Single(await factory.TicketsWithAsync(message));
        Assert.Equal(reference, ticket.Reference);
        Assert.Equal(FeedbackCategory.UnfairOrBiased, ticket.Category);
        Assert.Equal(TicketPriority.P2, ticket.Priority);
        var status = await factory.Browser().GetStringAsync("/feedback/status/" + token);
        Assert.Contains(reference, status);
        Assert.Contains("Unfair or biased", status);
    }

    [Fact]
    public async Task Missing_fields_are_named_next_to_each_field_and_nothing_is_stored()
    {
        var response = await factory.Browser().PostFeedbackAsync("   ", category: "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"category-error\" role=\"alert\">Choose what was wrong with the suggestion.", html);
        Assert.Contains("id=\"message-error\" role=\"alert\">Write your message.", html);
        Assert.Contains("There are 2 problems", html);
        Assert.Contains("<title>Error: Tell us about a suggestion</title>", html);
        Assert.DoesNotContain("data-testid=\"feedback-received\"", html);
    }

    [Fact]
    public async Task A_message_over_4000_characters_is_refused_with_its_length_and_kept_in_the_form()
    {
        var message = Unique(new string('x', 4001));

        var html = await (await factory.Browser().PostFeedbackAsync(message)).Content.ReadAsStringAsync();

        Assert.Contains($"Your message has {message.Length:N0} characters; the limit is 4,000. Please shorten it.", html);
        Assert.Contains(message, html);
        Assert.Empty(await factory.TicketsWithAsync(message));
    }

    [Theory]
    [InlineData("not-an-email", "true", "Enter an email address like name@example.com, or leave it empty.")]
    [InlineData("", "true", "Give the email address we may contact you at, or untick the box below.")]
    [InlineData("reader@example.com", "false", "Tick this box if we may contact you at this address, or remove the address.")]
    public async Task Contact_details_must_be_a_valid_address_given_together_with_consent(string email, string consent, string expected)
    {
        var message = Unique("Please get back to me.");

        var html = await (await factory.Browser().PostFeedbackAsync(message, extra: new Dictionary<string, string>
        {
            ["Input.ContactEmail"] = email,
            ["Input.ConsentToContact"] = consent,
        })).Content.ReadAsStringAsync();

        Assert.Contains(expected, html);
        Assert.Empty(await factory.TicketsWithAsync(message));
    }

    [Fact]
    public async Task A_contact_address_with_consent_is_kept_with_the_ticket()
    {
        var message = Unique("Please get back to me.");

        await factory.Browser().PostFeedbackAsync(message, extra: new Dictionary<string, string>
        {
            ["Input.ContactEmail"] = " reader@example.com ",
            ["Input.ConsentToContact"] = "true",
        });

        var ticket = Assert.Single(await factory.TicketsWithAsync(message));
        Assert.Equal("reader@example.com", ticket.ContactEmail);
        Assert.True(ticket.ConsentToContact);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_gets_400_and_creates_no_ticket()
    {
        var message = Unique("Forged from another site.");

        var response = await factory.Browser().PostFeedbackAsync(message, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please send the form again", await response.Content.ReadAsStringAsync());
        Assert.Empty(await factory.TicketsWithAsync(message));
    }

    [Fact]
    public async Task A_filled_honeypot_looks_like_success_but_stores_nothing()
    {
        var message = Unique("Buy cheap watches");

        var response = await factory.Browser().PostFeedbackAsync(message, extra: new Dictionary<string, string> { ["Input.Website"] = "http://spam.example" });

        var (reference, token) = FeedbackForm.ReadReceipt(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("FB-", reference);
        Assert.Empty(await factory.TicketsWithAsync(message));
        var status = await factory.Browser().GetAsync("/feedback/status/" + token);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Contains("We cannot find this link", await status.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_16_KB_gets_413_with_a_page_and_creates_no_ticket(bool declaredLength)
    {
        var browser = factory.Browser();
        var token = await browser.AntiforgeryTokenAsync();
        var message = Unique(new string('é', 9000));
        var form = $"_handler=feedback&__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Category=Other&Input.Message={Uri.EscapeDataString(message)}";
        HttpContent body = declaredLength
            ? new StringContent(form, Encoding.UTF8)
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(form)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        if (!declaredLength) body.Headers.ContentLength = null;

        var response = await browser.PostAsync("/feedback", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Your message is too long to send", await response.Content.ReadAsStringAsync());
        Assert.Empty(await factory.TicketsWithAsync(message));
    }

    [Fact]
    public async Task A_message_of_4000_characters_of_any_script_fits_within_the_body_limit()
    {
        var message = Unique(new string('語', 3990));

        var response = await factory.Browser().PostFeedbackAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await factory.TicketsWithAsync(message));
    }

    [Fact]
    public async Task A_valid_decision_link_names_the_suggestion_and_links_the_ticket_to_a_snapshot_of_the_decision()
    {
        var (eventId, link) = await factory.RankedDecisionAsync(ageBand: "65+");
        var message = Unique("Why do I always get the same article?");

        var form = await factory.Browser().GetStringAsync("/feedback?d=" + Uri.EscapeDataString(link));
        await factory.Browser().PostFeedbackAsync(message, decisionLink: link);

        Assert.Contains("data-testid=\"linked-decision\"", form);
        var ticket = Assert.Single(await factory.TicketsWithAsync(message));
        Assert.Equal(("demo", eventId), (ticket.LoopId, ticket.EventId));
        var snapshot = DecisionSnapshot.Read(ticket.DecisionJson)!;
        Assert.Equal(eventId, snapshot.EventId);
        Assert.Contains(("user.ageBand", "65+"), TicketContext.Lines(snapshot.ContextFeatures));
        Assert.NotEmpty(snapshot.Explanation);
    }

    [Fact]
    public async Task A_forged_or_expired_decision_link_leaves_the_form_working_unlinked_and_says_nothing_about_it()
    {
        var (_, link) = await factory.RankedDecisionAsync();
        var forged = link[..^2] + (link[^2] == 'A' ? "BB" : "AA");
        var message = Unique("Odd suggestion.");

        var form = await factory.Browser().GetStringAsync("/feedback?d=" + Uri.EscapeDataString(forged));
        var response = await factory.Browser().PostFeedbackAsync(message, decisionLink: forged);

        Assert.DoesNotContain("linked-decision", form);
        Assert.DoesNotContain("invalid", form, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = Assert.Single(await factory.TicketsWithAsync(message));
        Assert.Null(ticket.LoopId);
        Assert.Null(ticket.DecisionJson);
    }

    [Fact]
    public async Task A_script_in_the_message_is_shown_as_text_when_the_form_comes_back_with_errors()
    {
        var message = "<script>alert('x')</script>" + new string('y', 4000);

        var html = await (await factory.Browser().PostFeedbackAsync(message)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
    }

    private static string Unique(string text) => text + " #" + Guid.NewGuid().ToString("N")[..8];
}
