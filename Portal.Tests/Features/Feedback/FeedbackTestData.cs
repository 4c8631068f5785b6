using Portal.Infrastructure.Security;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Features.Feedback.Intake;
using Portal.Features.PublicPages;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback;

/// <summary>Tickets and decisions for the feedback tests, made through the real services.</summary>
public static class FeedbackTestData
{
    public static async Task<List<FeedbackTicket>> TicketsWithAsync(this PortalAppFactory factory, string message)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.FeedbackTickets.AsNoTracking().Where(t => t.Message == message).ToListAsync();
    }

    /// <summary>A ticket as if an end user had sent it; returns the receipt (reference and status-link secret).</summary>
    public static Task<SubmissionReceipt> SubmitAsync(this PortalAppFactory factory, string message,
        FeedbackCategory category = FeedbackCategory.UnfairOrBiased, string? decisionLink = null, string source = "203.0.113.7") =>
        factory.Services.GetRequiredService<TicketIntake>().SubmitAsync(
            new FeedbackSubmission(category, message, null, false, decisionLink, IPAddress.Parse(source)), CancellationToken.None);

    public static async Task<long> TicketIdAsync(this PortalAppFactory factory, string reference)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.FeedbackTickets.Where(t => t.Reference == reference).Select(t => t.Id).SingleAsync();
    }

    /// <summary>A real decision made through Rank (demo loop unless given), and a signed link to it valid for a day.</summary>
    public static async Task<(string EventId, string Link)> RankedDecisionAsync(this PortalAppFactory factory, string ageBand = "25-34",
        (string Id, HttpClient Api)? loop = null)
    {
        var eventId = "fb-" + Guid.NewGuid().ToString("N")[..12];
        var body = RankPayloads.Valid(eventId: eventId);
        body["contextFeatures"]![0]!["user"]!["ageBand"] = ageBand;
        var api = loop?.Api ?? factory.CreateApiClient();
        // On Kestrel (the browser tests) the client must go to the real port.
        if (factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address)
            api.BaseAddress = new Uri(address);
        var response = await api.PostAsync("personalizer/v1.0/rank", RankPayloads.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = factory.Services.GetRequiredService<DecisionLinkTokens>().Create(loop?.Id ?? "demo", eventId, DateTimeOffset.UtcNow.AddDays(1));
        return (eventId, link);
    }
}
