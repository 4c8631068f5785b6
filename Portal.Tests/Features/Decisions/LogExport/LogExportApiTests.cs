using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Decisions.LogExport;
using Portal.Features.Insights.Catalog;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Privacy.Requests;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.LogExport;

/// <summary>
/// <c>GET /api/v1/loops/{loopId}/logs</c> (personal tokens) and the portal's download: the stream holds every decision of
/// the window and nothing of the user id, every refusal is in Personalizer's shape, every role that reads decisions may
/// export, and each export is audited.
/// </summary>
public sealed class LogExportApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string ReviewerEmail = "log-export-reviewer@test.local";

    private static string PathOf(string loopId, string query = "") => $"/api/v1/loops/{Uri.EscapeDataString(loopId)}/logs{query}";

    private Task<HttpClient> ReviewerAsync() => factory.TokenClientAsync(ReviewerEmail, PortalRoles.ComplianceReviewer);

    private async Task<(string LoopId, List<string> Events)> LoopWithDecisionsAsync(int count = 3)
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var events = new List<string>();
        for (var i = 0; i < count; i++) events.Add(await api.RankForAsync("user-" + i));
        await Eventually.TrueAsync(async () => (await factory.EventIdsAsync(loopId)).Count == count);
        return (loopId, events);
    }

    [Fact]
    public async Task The_dsjson_export_streams_every_decision_of_the_window_a_line_each_without_the_user_id()
    {
        var (loopId, events) = await LoopWithDecisionsAsync();
        var reviewer = await ReviewerAsync();

        var response = await reviewer.GetAsync(PathOf(loopId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("3", response.Headers.GetValues("X-Decision-Count").Single());
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(DsjsonReader.Read).ToList();
        Assert.Equal(events, lines.Select(l => l.EventId));
        Assert.All(lines, l => Assert.Equal("25-34", l.Context.GetProperty("user").GetProperty("ageBand").GetString()));
        Assert.All(lines, l => Assert.Equal(["action-0", "action-1", "action-2"], l.Multi.Select(m => m.Tag)));
        Assert.DoesNotContain("user-0", text);
        await AssertAuditedAsync(loopId, "dsjson");
    }

    [Fact]
    public async Task The_csv_export_has_the_header_and_a_row_per_decision()
    {
        var (loopId, events) = await LoopWithDecisionsAsync(2);
        var reviewer = await ReviewerAsync();

        var response = await reviewer.GetAsync(PathOf(loopId, "?format=csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", LogCsvRow.Header.Select(h => $"\"{h}\"")), rows[0]);
        Assert.Equal(events, rows[1..].Select(r => r.Split(',')[0].Trim('"')));
        await AssertAuditedAsync(loopId, "csv");
    }

    [Fact]
    public async Task Audit_only_features_and_opted_out_contexts_never_leave()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var marked = await factory.Services.GetRequiredService<FeatureCatalogEditor>()
            .SetAuditOnlyAsync(loopId, "user.ageBand", true, "bias analysis only", Actor.System, CancellationToken.None);
        Assert.Null(marked);
        var kept = await api.RankForAsync("kept-user");
        var optedOut = await api.RankForAsync("gone-user", body => body["contextFeatures"]![0]!["_optOut"] = true);
        await Eventually.TrueAsync(async () => (await factory.EventIdsAsync(loopId)).Count == 2);

        var text = await (await (await ReviewerAsync()).GetAsync(PathOf(loopId))).Content.ReadAsStringAsync();

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(DsjsonReader.Read).ToDictionary(l => l.EventId);
        Assert.DoesNotContain("25-34", text);
        Assert.Equal(3, lines[kept].Context.GetProperty("user").GetProperty("visits").GetInt32());
        Assert.Empty(lines[optedOut].Context.EnumerateObject());
        Assert.True(lines[optedOut].SkipLearn);
    }

    [Theory]
    [InlineData("?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "must be earlier than to")]
    [InlineData("?from=2999-01-01T00:00:00Z", "lies in the future")]
    [InlineData("?from=yesterday", "from 'yesterday' is not a time")]
    [InlineData("?format=parquet", "format 'parquet' is not known: use dsjson or csv.")]
    public async Task Bad_windows_and_formats_are_refused_with_400_in_the_error_shape(string query, string says)
    {
        var (loopId, _) = await LoopWithDecisionsAsync(1);

        var response = await (await ReviewerAsync()).GetAsync(PathOf(loopId, query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal("InvalidExportLogsRequest", code);
        Assert.Contains(says, message);
    }

    [Fact]
    public async Task A_window_without_decisions_is_404_NoLogsExistInDateRange()
    {
        var (loopId, _) = await LoopWithDecisionsAsync(1);

        var response = await (await ReviewerAsync()).GetAsync(PathOf(loopId, "?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (code, message) = await response.ReadErrorAsync();
        Assert.Equal(("NoLogsExistInDateRange", $"Loop '{loopId}' logged no decisions between 2020-01-01 00:00:00Z and 2020-01-02 00:00:00Z."), (code, message));
    }

    [Fact]
    public async Task An_unknown_or_deleted_loop_is_404_ResourceNotFound_and_nothing_is_audited()
    {
        var response = await (await ReviewerAsync()).GetAsync(PathOf("no-such-loop"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("ResourceNotFound", "Loop 'no-such-loop' does not exist, or was deleted."), await response.ReadErrorAsync());
        await using var db = await factory.DbAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == LogExporter.AuditAction && e.TargetId == "no-such-loop"));
    }

    [Theory]
    [InlineData(PortalRoles.Admin)]
    [InlineData(PortalRoles.ProductOwner)]
    [InlineData(PortalRoles.ComplianceReviewer)]
    public async Task Every_role_that_reads_decisions_may_export(string role)
    {
        var (loopId, _) = await LoopWithDecisionsAsync(1);
        var client = await factory.TokenClientAsync($"log-export-{role.ToLowerInvariant()}@test.local", role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PathOf(loopId))).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_or_without_a_role_the_export_is_refused()
    {
        var (loopId, _) = await LoopWithDecisionsAsync(1);
        var anonymous = factory.CreateApiClient(key: null);
        var roleless = await factory.TokenClientAsync("log-export-nobody@test.local");
        var loopKey = factory.CreateApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(PathOf(loopId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await roleless.GetAsync(PathOf(loopId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await loopKey.GetAsync(PathOf(loopId))).StatusCode);
    }

    [Fact]
    public async Task The_portal_download_streams_with_the_session_and_reports_its_progress_to_the_ticket()
    {
        var (loopId, events) = await LoopWithDecisionsAsync(2);
        var userId = await factory.CreateUserAsync("log-export-owner@test.local", PortalRoles.ProductOwner);
        var browser = await factory.LoginAsync("log-export-owner@test.local", PortalAppFactory.UserPassword);
        var ticket = Guid.NewGuid();
        var reports = new List<ExportProgress>();
        using var subscription = factory.Services.GetRequiredService<ExportProgressBoard>().Subscribe(ticket, userId, p => { lock (reports) reports.Add(p); });

        var response = await browser.GetAsync($"{LogExportApi.PortalRoute}?loopId={loopId}&format=dsjson&ticket={ticket:N}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(events.Count, (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        lock (reports) Assert.Equal(new ExportProgress(2, 2, Done: true), reports[^1]);
    }

    [Fact]
    public async Task The_portal_download_explains_a_refusal_in_a_sentence_and_needs_a_session()
    {
        var browser = await factory.LoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);
        var anonymous = factory.CreateApiClient(key: null);

        var unknown = await browser.GetAsync($"{LogExportApi.PortalRoute}?loopId=no-such-loop");
        var signedOut = await anonymous.GetAsync($"{LogExportApi.PortalRoute}?loopId=no-such-loop");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Loop 'no-such-loop' does not exist, or was deleted.", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/Account/Login", signedOut.Headers.Location?.OriginalString);
    }

    private async Task AssertAuditedAsync(string loopId, string format)
    {
        await using var db = await factory.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == LogExporter.AuditAction && e.TargetId == loopId);
        Assert.Equal(ReviewerEmail, entry.ActorName);
        Assert.Contains($"\"format\":\"{format}\"", entry.After);
    }
}
