using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Decisions.Log;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>
/// A person known by the contact address they gave on the feedback form (they wrote in without being signed in): their
/// tickets are found, exported and erased by the address, in any case, alone or together with a user id; nobody
/// else's are; the audit log names them by the address's keyed hash only.
/// </summary>
public class SubjectContactEmailTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static string NewAddress() => $"Writer.{Guid.NewGuid().ToString("N")[..10]}@Example.org";

    private Task<SubjectFindings> FindAsync(SubjectQuery query) => Service<SubjectSearch>().FindAsync(query, SubjectTestData.Admin, null, CancellationToken.None);

    private Task<HttpClient> AdminAsync() => factory.TokenClientAsync("dsr-contact-admin@test.local", PortalRoles.Admin);

    [Fact]
    public async Task A_person_known_only_by_their_address_is_found_by_it_in_any_case()
    {
        var (email, other) = (NewAddress(), NewAddress());
        await factory.TicketFromFormAsync("Please tell me what you store about me.", email);
        await factory.TicketFromFormAsync("Someone else writing.", other);

        var found = await FindAsync(SubjectQuery.ByContactEmail("  " + email.ToUpperInvariant() + " "));

        Assert.Equal(1, found.CountOf(SubjectTickets.Kind));
        Assert.Equal(1, found.CountOf(SubjectTickets.EmailsKind));
        Assert.Equal(0, found.CountOf(SubjectDecisions.Kind));
        Assert.Equal(0, found.CountOf(SubjectSearch.OptOutsKind));
        Assert.Null(found.Subject.UserHash);
        Assert.Equal(found.Subject.ContactHash, found.Subject.Key);
        Assert.Equal(email.ToLowerInvariant(), found.Subject.ContactEmail);
    }

    [Fact]
    public async Task A_user_id_alone_does_not_find_a_ticket_sent_only_with_an_address_and_both_together_find_everything()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var user = "contact-" + Guid.NewGuid().ToString("N")[..8];
        var email = NewAddress();
        var eventId = await api.RankForAsync(user);
        await factory.TicketAboutAsync(loopId, eventId, $"About my decision ({user}).");
        await factory.TicketFromFormAsync($"A general question from {user}.", email);

        var byId = await FindAsync(SubjectQuery.ByUserId(user));
        var byBoth = await FindAsync(new SubjectQuery(user, email));

        Assert.Equal(1, byId.CountOf(SubjectTickets.Kind));
        Assert.Equal(2, byBoth.CountOf(SubjectTickets.Kind));
        Assert.Equal(1, byBoth.CountOf(SubjectDecisions.Kind));
        Assert.Equal(byId.Subject.Key, byBoth.Subject.Key);

        // Exported by both: the audit entry is named by the id's hash and lists the address by its hash, never the address.
        await Service<SubjectExport>().WriteAsync(byBoth, SubjectTestData.Admin, Stream.Null, CancellationToken.None);
        await using var db = await factory.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == SubjectAudit.ExportAction && e.TargetId == byBoth.Subject.UserHash).SingleAsync();
        var detail = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal(byBoth.Subject.ContactHash, detail.GetProperty("contactEmailHash").GetString());
        Assert.Equal(2, detail.GetProperty("held").GetProperty(SubjectTickets.Kind).GetInt64());
        Assert.DoesNotContain(email.ToLowerInvariant(), entry.After!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Erasing_by_address_removes_the_message_and_the_address_keeps_other_tickets_and_audits_only_the_hash()
    {
        var (email, other) = (NewAddress(), NewAddress());
        var mine = await factory.TicketFromFormAsync("My phone number is 555-0100, delete it.", email);
        var theirs = await factory.TicketFromFormAsync("Not about the other person.", other);

        var result = await Service<SubjectErasure>().EraseAsync(SubjectQuery.ByContactEmail(email), removeOptOuts: true, SubjectTestData.Admin, null, CancellationToken.None);

        Assert.Equal(ErasureOutcome.Completed, result.Outcome);
        Assert.Equal(1, result.Erased.Single(c => c.Kind == SubjectTickets.Kind).Count);
        await using var db = await factory.DbAsync();
        var erased = await db.FeedbackTickets.AsNoTracking().SingleAsync(t => t.Reference == mine.Reference);
        var kept = await db.FeedbackTickets.AsNoTracking().SingleAsync(t => t.Reference == theirs.Reference);
        Assert.Equal((SubjectTickets.ErasedText, null), (erased.Message, erased.ContactEmail));
        Assert.Equal(("Not about the other person.", other), (kept.Message, kept.ContactEmail));
        Assert.True((await FindAsync(SubjectQuery.ByContactEmail(email))).NothingHeld);
        var key = Service<DataSubjects>().Of(SubjectQuery.ByContactEmail(email)).Key;
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == SubjectAudit.EraseAction && e.TargetId == key).SingleAsync();
        Assert.DoesNotContain(email.ToLowerInvariant(), entry.After!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"optOuts\":\"kept\"", entry.After!);
    }

    [Fact]
    public async Task The_API_finds_exports_and_erases_by_address()
    {
        var email = NewAddress();
        await factory.TicketFromFormAsync("Export what you have on me, please.", email);
        var admin = await AdminAsync();
        var path = $"/api/v1/privacy/contacts/{Uri.EscapeDataString(email)}";

        var found = JsonDocument.Parse(await admin.GetStringAsync(path)).RootElement;
        var export = JsonDocument.Parse(await admin.GetStringAsync(path + "/export")).RootElement;
        var erased = await admin.DeleteAsync(path);

        Assert.False(found.TryGetProperty("userIdHash", out _));
        Assert.Equal(32, found.GetProperty("contactEmailHash").GetString()!.Length);
        Assert.Equal(1, found.GetProperty("held").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == SubjectTickets.Kind).GetProperty("count").GetInt64());
        Assert.Equal(email.ToLowerInvariant(), export.GetProperty("contactEmail").GetString());
        Assert.Equal("Export what you have on me, please.", export.GetProperty(SubjectTickets.Kind)[0].GetProperty("message").GetString());
        Assert.Empty(export.GetProperty(SubjectDecisions.Kind).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/privacy/contacts/not-an-address")]
    [InlineData("/api/v1/privacy/contacts/two%40at%40example.org")]
    [InlineData("/api/v1/privacy/subjects/someone?contactEmail=someone%40")]
    public async Task A_malformed_address_gets_a_clear_400(string path)
    {
        var admin = await AdminAsync();

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("BadRequest", "contactEmail is not an email address (name@example.org)."), await response.ReadErrorAsync());
    }

    [Fact]
    public async Task A_reviewer_may_not_look_up_an_address()
    {
        var reviewer = await factory.TokenClientAsync("dsr-contact-reviewer@test.local", PortalRoles.ComplianceReviewer);

        var response = await reviewer.GetAsync($"/api/v1/privacy/contacts/{Uri.EscapeDataString(NewAddress())}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

[Trait("Category", "Postgres")]
public sealed class SubjectContactEmailOnPostgresTests(PostgresPortalAppFactory factory) : SubjectContactEmailTests(factory), IClassFixture<PostgresPortalAppFactory>;
