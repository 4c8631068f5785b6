using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.CommunityReview.Panels;
using Portal.Features.Insights.Catalog;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.CommunityReview;

/// <summary>
/// A loop with decisions in three age bands (65+: 3, 25-34: 12, 18-24: 8), four opted-out ones, an audit-only gender, a
/// user id and free text in every context, for panels to sample; and the people and posts the tests need.
/// </summary>
public static partial class ReviewPanelFixture
{
    public static readonly IReadOnlyDictionary<string, int> AgeBands = new Dictionary<string, int> { ["65+"] = 3, ["25-34"] = 12, ["18-24"] = 8 };
    public const string SecretGender = "gender-value-q7x";
    public const string UserIdPrefix = "user-id-z9k-";
    public const string EventIdPrefix = "event-id-w4m-";
    public const string FreeText = "my street is elm-lane-314";

    public static readonly Actor Reviewer = TestActors.Person("reviewer-id", "reviewer@test.local", PortalRoles.ComplianceReviewer);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"Input.ItemId\" value=\"(\\d+)\"")]
    private static partial Regex ItemIdField();

    public static async Task<string> LoopWithDecisionsAsync(this PortalAppFactory factory, Portal.Data.Entities.LoopSettings? settings = null)
    {
        var (loopId, api) = await factory.CreateLoopAsync(settings);
        var i = 0;
        foreach (var (band, count) in AgeBands)
            for (var k = 0; k < count; k++)
                await RankAsync(api, band, i++, optOut: false);
        for (var k = 0; k < 4; k++) await RankAsync(api, "65+", i++, optOut: true);
        var marked = await factory.Services.GetRequiredService<FeatureCatalogEditor>()
            .SetAuditOnlyAsync(loopId, "user.gender", true, "Kept for fairness checks only", TestActors.Admin(), CancellationToken.None);
        Assert.Null(marked);
        return loopId;
    }

    private static async Task RankAsync(HttpClient api, string band, int i, bool optOut)
    {
        var user = new JsonObject { ["ageBand"] = band, ["gender"] = SecretGender, ["device"] = i % 2 == 0 ? "mobile" : "desktop", ["_text"] = FreeText };
        var context = new JsonObject { ["user"] = user, ["_userId"] = UserIdPrefix + i };
        if (optOut) context["_optOut"] = true;
        var body = RankPayloads.Valid(eventId: EventIdPrefix + i);
        body["contextFeatures"] = new JsonArray(context);
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<long> CreatePanelAsync(this PortalAppFactory factory, string loopId, int perSegment = 5)
    {
        var created = await factory.Services.GetRequiredService<PanelService>().CreateAsync(
            new PanelForm { LoopId = loopId, Name = "Autumn community review", StrataBy = "user.ageBand", PerSegment = perSegment, DaysBack = 1 },
            Reviewer, CancellationToken.None);
        Assert.Null(created.Problem);
        return created.PanelId!.Value;
    }

    /// <summary>A loop with the fixture's decisions, a panel of it, and one reviewer's link (as a path).</summary>
    public static async Task<(string LoopId, long PanelId, string Page)> ReviewerLinkAsync(this PortalAppFactory factory)
    {
        var loopId = await factory.LoopWithDecisionsAsync();
        var panelId = await factory.CreatePanelAsync(loopId);
        return (loopId, panelId, await factory.InviteAsync(panelId));
    }

    /// <summary>A reviewer's link as a path (<c>/review/…</c>).</summary>
    public static async Task<string> InviteAsync(this PortalAppFactory factory, long panelId, string label = "Reviewer 1")
    {
        var (invitation, problem) = await factory.Services.GetRequiredService<PanelService>()
            .InviteAsync(panelId, label, token => "https://portal.example" + Portal.Features.CommunityReview.Links.ReviewLinks.PathPrefix + token, Reviewer, CancellationToken.None);
        Assert.Null(problem);
        return new Uri(invitation!.Link).AbsolutePath;
    }

    /// <summary>Posts a judgement of the item the page shows, as a browser does; without the antiforgery field when asked.</summary>
    public static async Task<HttpResponseMessage> JudgeAsync(this HttpClient browser, string page, string verdict, string note = "",
        bool askForTicket = false, bool withToken = true)
    {
        var html = await browser.GetStringAsync(page);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "judgement",
            ["Input.ItemId"] = ItemIdField().Match(html).Groups[1].Value,
            ["Input.Verdict"] = verdict,
            ["Input.Note"] = note,
        };
        if (askForTicket) fields["Input.AskForTicket"] = "true";
        if (withToken) fields["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value;
        return await browser.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    public static async Task<int> JudgementsAsync(this PortalAppFactory factory, long panelId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.ReviewJudgements.CountAsync(j => j.PanelId == panelId);
    }
}
