using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Feedback.Intake;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>A person's data made the way applications and end users make it: decisions through Rank, tickets through the form.</summary>
public static class SubjectTestData
{
    public static readonly Actor Admin = TestActors.Admin("dsr-admin-id", "dsr-admin@test.local");

    /// <summary>A decision through the Rank API whose first context object carries the user id (none when null); returns its event id.</summary>
    public static async Task<string> RankForAsync(this HttpClient api, string? userId, Action<JsonObject>? shape = null)
    {
        var eventId = "dsr-" + Guid.NewGuid().ToString("N")[..12];
        var body = RankPayloads.Valid(3, eventId);
        if (userId is not null) body["contextFeatures"]![0]!["_userId"] = userId;
        shape?.Invoke(body);
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return eventId;
    }

    /// <summary>Feedback from the public form with no decision behind it (the sender was not shown one), with a contact address.</summary>
    public static Task<SubmissionReceipt> TicketFromFormAsync(this PortalAppFactory factory, string message, string email) =>
        factory.Services.GetRequiredService<TicketIntake>().SubmitAsync(new FeedbackSubmission(FeedbackCategory.PrivacyConcern, message, email,
            ConsentToContact: true, DecisionToken: null, AnySource()), CancellationToken.None);

    /// <summary>
    /// Feedback about a decision from its signed link, with a contact address when one is given. Each from an address of
    /// its own: the same text from the same address within the repeat window would join the earlier ticket.
    /// </summary>
    public static Task<SubmissionReceipt> TicketAboutAsync(this PortalAppFactory factory, string loopId, string eventId, string message, string? email = null)
    {
        var link = factory.Services.GetRequiredService<DecisionLinkTokens>().Create(loopId, eventId, DateTimeOffset.UtcNow.AddDays(1));
        return factory.Services.GetRequiredService<TicketIntake>().SubmitAsync(new FeedbackSubmission(FeedbackCategory.PrivacyConcern, message, email,
            ConsentToContact: email is not null, link, AnySource()), CancellationToken.None);
    }

    /// <summary>A sender address of its own for each ticket.</summary>
    private static IPAddress AnySource() => IPAddress.Parse($"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}");

    public static Task<PortalDbContext> DbAsync(this PortalAppFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    public static async Task<List<string>> EventIdsAsync(this PortalAppFactory factory, string loopId)
    {
        await using var db = await factory.DbAsync();
        return await db.Decisions.Where(d => d.LoopId == loopId).OrderBy(d => d.Seq).Select(d => d.EventId).ToListAsync();
    }

    public static Task<SubjectFindings> FindAsync(this PortalAppFactory factory, string userId, Actor? actor = null) =>
        factory.Services.GetRequiredService<SubjectSearch>().FindAsync(SubjectQuery.ByUserId(userId), actor ?? Admin, null, CancellationToken.None);
}
