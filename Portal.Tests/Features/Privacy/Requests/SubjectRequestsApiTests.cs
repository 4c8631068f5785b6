using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Privacy;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>
/// The data-subject API (<c>/api/v1/privacy/subjects/{userId}</c>, personal tokens) and the portal's download: the export
/// holds every row of the person and nothing of anyone else, the erasure through the API, and every refusal in its shape.
/// </summary>
public sealed partial class SubjectRequestsApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static string NewUser() => "api-" + Guid.NewGuid().ToString("N")[..8];

    private static string PathOf(string userId) => $"/api/v1/privacy/subjects/{Uri.EscapeDataString(userId)}";

    private Task<HttpClient> AdminAsync() => factory.TokenClientAsync("dsr-api-admin@test.local", PortalRoles.Admin);

    /// <summary>Two users' decisions in two loops, a flag, a ticket with a contact address, an opt-out; returns the first user's.</summary>
    private async Task<(string User, string Other, HashSet<string> Events, HashSet<string> OtherEvents)> SeedAsync()
    {
        var (first, firstApi) = await factory.CreateLoopAsync();
        var (second, secondApi) = await factory.CreateLoopAsync();
        var (user, other) = (NewUser(), NewUser());
        var events = new HashSet<string> { await firstApi.RankForAsync(user), await firstApi.RankForAsync(user), await secondApi.RankForAsync(user) };
        var otherEvents = new HashSet<string> { await firstApi.RankForAsync(other), await secondApi.RankForAsync(other) };
        // Texts of their own: the same text from the same address within the repeat window joins the earlier ticket.
        await factory.TicketAboutAsync(first, events.First(), $"Why do you know where I live? ({user})", "jane@example.com");
        await factory.TicketAboutAsync(first, otherEvents.First(), $"Someone else's ticket ({other}).", "joe@example.com");
        var flagged = await factory.Services.GetRequiredService<Portal.Features.Oversight.DecisionReviewService>()
            .FlagAsync(second, events.Last(), "Odd choice", SubjectTestData.Admin, CancellationToken.None);
        Assert.True(flagged.Outcome.Succeeded);
        await factory.Services.GetRequiredService<OptOutRegistry>().OptOutAsync(second, user, OptOutSource.Api, Actor.System, CancellationToken.None);
        return (user, other, events, otherEvents);
    }

    [Fact]
    public async Task The_export_holds_every_row_of_the_user_and_nothing_of_another_user()
    {
        var (user, other, events, otherEvents) = await SeedAsync();
        var admin = await AdminAsync();

        var response = await admin.GetAsync(PathOf(user) + "/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;
        Assert.Equal(user, export.GetProperty("userId").GetString());
        var decisions = export.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(events, decisions.Select(d => d.GetProperty("eventId").GetString()!).ToHashSet());
        Assert.All(decisions, d => Assert.Equal(user, d.GetProperty("request").GetProperty("contextFeatures")[0].GetProperty("_userId").GetString()));
        // Requests are exported as received: a list the log stored apart is put back.
        await using (var db = await factory.DbAsync())
            Assert.True(await db.Decisions.CountAsync(d => events.Contains(d.EventId) && d.ActionListId != null) > 0, "no decision of the user has its list stored apart");
        Assert.All(decisions, d => Assert.NotEqual(0, d.GetProperty("request").GetProperty("actions").GetArrayLength()));
        Assert.Equal("Odd choice", decisions.SelectMany(d => d.GetProperty("flags").EnumerateArray()).Single().GetProperty("note").GetString());
        var ticket = Assert.Single(export.GetProperty("tickets").EnumerateArray());
        Assert.Equal(($"Why do you know where I live? ({user})", "jane@example.com"), (ticket.GetProperty("message").GetString(), ticket.GetProperty("contactEmail").GetString()));
        Assert.Equal(user, ticket.GetProperty("decision").GetProperty("contextFeatures")[0].GetProperty("_userId").GetString());
        Assert.Single(export.GetProperty("optOuts").EnumerateArray());
        Assert.Equal(3, export.GetProperty("held").GetProperty("decisions").GetInt64());
        Assert.DoesNotContain(other, text);
        Assert.DoesNotContain("joe@example.com", text);
        Assert.All(otherEvents, e => Assert.DoesNotContain(e, text));
        await AssertAuditedAsync(SubjectAudit.ExportAction, user);
    }

    [Fact]
    public async Task Find_counts_each_kind_and_erase_through_the_api_removes_the_user_and_keeps_the_other()
    {
        var (user, other, _, otherEvents) = await SeedAsync();
        var admin = await AdminAsync();

        var found = await (await admin.GetAsync(PathOf(user))).ReadJsonAsync();
        var erased = await admin.DeleteAsync(PathOf(user) + "?removeOptOuts=true");

        var held = found.GetProperty("held").EnumerateArray().ToDictionary(h => h.GetProperty("kind").GetString()!, h => h.GetProperty("count").GetInt64());
        Assert.Equal((3L, 1L, 1L, 1L, 1L), (held["decisions"], held["decisionFlags"], held["tickets"], held["contactEmails"], held["optOuts"]));
        Assert.Matches("^[0-9a-f]{32}$", found.GetProperty("userIdHash").GetString());
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var result = await erased.ReadJsonAsync();
        Assert.Equal("completed", result.GetProperty("outcome").GetString());
        Assert.False(result.GetProperty("optOutsKept").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(PathOf(user))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PathOf(other))).StatusCode);
        await using var db = await factory.DbAsync();
        Assert.Equal(otherEvents.Count, await db.Decisions.CountAsync(d => otherEvents.Contains(d.EventId)));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/export")]
    [InlineData("DELETE", "")]
    public async Task Bad_and_unknown_ids_are_answered_in_the_error_shape_and_nothing_is_done(string method, string suffix)
    {
        var admin = await AdminAsync();

        var tooLong = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), PathOf(new string('x', UserIds.MaxLength + 1)) + suffix));
        var control = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/privacy/subjects/a%0Ab{suffix}"));
        var nobody = NewUser();
        var unknown = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), PathOf(nobody) + suffix));

        Assert.Equal((HttpStatusCode.BadRequest, "BadRequest"), (tooLong.StatusCode, (await tooLong.ReadErrorAsync()).Code));
        var (code, message) = await control.ReadErrorAsync();
        Assert.Equal((HttpStatusCode.BadRequest, "BadRequest", "userId contains control characters."), (control.StatusCode, code, message));
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound", SubjectFindings.NothingHeldMessage),
            (unknown.StatusCode, (await unknown.ReadErrorAsync()).Code, (await unknown.ReadErrorAsync()).Message));
        var hash = factory.Services.GetRequiredService<DataSubjects>().Of(SubjectQuery.ByUserId(nobody)).UserHash;
        await using var db = await factory.DbAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.TargetId == hash));
    }

    [Theory]
    [InlineData(PortalRoles.ProductOwner)]
    [InlineData(PortalRoles.ComplianceReviewer)]
    public async Task A_token_without_the_admin_role_is_refused_in_the_error_shape(string role)
    {
        var (user, _, events, _) = await SeedAsync();
        var client = await factory.TokenClientAsync($"dsr-{role.ToLowerInvariant()}@test.local", role);

        foreach (var (method, suffix) in new[] { ("GET", ""), ("GET", "/export"), ("DELETE", "") })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), PathOf(user) + suffix));
            Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (response.StatusCode, (await response.ReadErrorAsync()).Code));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(PathOf(user))).StatusCode);
        await using var db = await factory.DbAsync();
        Assert.Equal(events.Count, await db.Decisions.CountAsync(d => events.Contains(d.EventId)));
    }

    [Fact]
    public async Task The_portal_download_is_a_form_post_for_administrators_and_turns_others_away()
    {
        var (user, _, events, _) = await SeedAsync();
        var admin = await factory.LoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);
        var owner = await factory.LoginAsync(await OwnerAsync(), PortalAppFactory.UserPassword);

        var download = await PostExportAsync(admin, user);
        var refused = await PostExportAsync(owner, user);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var export = JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(events, export.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("eventId").GetString()!).ToHashSet());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_portal_download_needs_the_antiforgery_token()
    {
        var (user, _, _, _) = await SeedAsync();
        var admin = await factory.LoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        var forged = await admin.PostAsync(SubjectRequestsApi.PortalExportRoute, new FormUrlEncodedContent(new Dictionary<string, string> { ["userId"] = user }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private async Task<string> OwnerAsync()
    {
        await factory.CreateUserAsync("dsr-owner@test.local", PortalRoles.ProductOwner);
        return "dsr-owner@test.local";
    }

    /// <summary>Posts the export form as the page does, with the antiforgery token of the signed-in person.</summary>
    private static async Task<HttpResponseMessage> PostExportAsync(HttpClient client, string userId)
    {
        var token = AntiforgeryField().Match(await client.GetStringAsync("/Account/Manage")).Groups[1].Value;
        return await client.PostAsync(SubjectRequestsApi.PortalExportRoute, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = userId,
        }));
    }

    private async Task AssertAuditedAsync(string action, string userId)
    {
        var hash = factory.Services.GetRequiredService<DataSubjects>().Of(SubjectQuery.ByUserId(userId)).UserHash;
        await using var db = await factory.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == action && e.TargetId == hash));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
