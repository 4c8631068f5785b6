using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Decisions of a named user through Rank, and "Was this explanation clear?" answered on their Why pages as a browser does.</summary>
public static class ClarityAnswering
{
    /// <summary>A decision of <paramref name="userId"/> (null: the application sends none) in the age band; returns its event id and Why-link token.</summary>
    public static async Task<(string EventId, string Token)> DecisionAsync(this PortalAppFactory factory, (string Id, HttpClient Api) loop,
        string? userId, string ageBand = "25-34")
    {
        var eventId = "cl-" + Guid.NewGuid().ToString("N")[..12];
        var body = RankPayloads.Valid(eventId: eventId);
        body["contextFeatures"]![0]!["user"]!["ageBand"] = ageBand;
        if (userId is not null) body["contextFeatures"]![0]!["_userId"] = userId;
        var response = await loop.Api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (eventId, factory.Services.GetRequiredService<DecisionLinkTokens>().Create(loop.Id, eventId, DateTimeOffset.UtcNow.AddDays(1)));
    }

    /// <summary>Opens the Why page (for its antiforgery token, unless <paramref name="tokenFrom"/> names another page) and posts the answer.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient browser, string token, string? clear, string? comment = null,
        bool withAntiforgery = true, string? tokenFrom = null)
    {
        var antiforgery = await browser.AntiforgeryTokenAsync(tokenFrom ?? "/why/" + token);
        var body = new MultipartFormDataContent();
        if (withAntiforgery) body.Add(new StringContent(antiforgery), "__RequestVerificationToken");
        if (clear is not null) body.Add(new StringContent(clear), "clear");
        if (comment is not null) body.Add(new StringContent(comment), "comment");
        return await browser.PostAsync("/why/" + token, body);
    }

    public static async Task<List<ComprehensionAnswer>> ClarityAnswersAsync(this PortalAppFactory factory, string loopId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.ComprehensionAnswers.AsNoTracking().Where(a => a.LoopId == loopId).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<List<(string Feature, string Value)>> ClaritySegmentsAsync(this PortalAppFactory factory, long answerId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (await db.ComprehensionSegments.AsNoTracking().Where(s => s.AnswerId == answerId).OrderBy(s => s.Feature).ThenBy(s => s.Value).ToListAsync())
            .Select(s => (s.Feature, s.Value)).ToList();
    }
}
