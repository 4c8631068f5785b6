using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Audit;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Insights.Catalog;
using Portal.Features.Insights.Report;
using Portal.Features.Insights.Statistics;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.Insights.Report;

/// <summary>The compliance report of a loop with a planted disparity, an audit-only mark and a flagged decision; its sign-off and files.</summary>
public sealed class ComplianceReportTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Carla = TestActors.Person("carla-id", "carla@test.local", PortalRoles.ComplianceReviewer);

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_report_names_the_audit_only_features_the_flagged_disparity_the_oversight_actions_and_the_flagged_decisions()
    {
        var (loopId, flaggedEvent) = await LoopWithHistoryAsync();

        var report = await Service<ComplianceReportBuilder>().BuildAsync(loopId, Today.AddDays(-1), Today, "carla@test.local", CancellationToken.None);
        var document = await Service<ReportRenderer>().RenderAsync(report!);

        Assert.Equal(["user.ageBand"], report!.AuditOnlyFeatures);
        var ages = Assert.Single(report.Disparities, d => d.Question.Feature == "user.ageBand");
        Assert.Equal(DisparityVerdict.Flagged, ages.Groups.Single(g => g.Label == "65+").Verdict);
        Assert.Equal(120, report.Decisions);
        Assert.Contains(report.OversightActions, a => a.Action == "feature.audit-only.on" && a.Reason == "Age must not drive suggestions");
        Assert.Equal(flaggedEvent, Assert.Single(report.FlaggedDecisions).EventId);
        Assert.Contains("Age must not drive suggestions", document.Html);
        Assert.Contains("Flagged: The reward rate 0.100 is", System.Net.WebUtility.HtmlDecode(document.Html));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Html))), document.Hash);
        Assert.DoesNotContain("<script", document.Html);
    }

    [Fact]
    public async Task The_report_says_who_reviewed_the_loop_for_go_live_or_that_it_awaits_its_review()
    {
        var (reviewed, _) = await factory.CreateLoopAsync();
        var (awaiting, _) = await factory.CreateLoopAsync(goLiveReview: false);

        var reviewedText = await ReportTextAsync(reviewed);
        var awaitingText = await ReportTextAsync(awaiting);

        Assert.Contains("Go-live review: Go-live reviewed by golive-reviewer@test.local on", reviewedText);
        Assert.Contains("legal review reference TEST-LEGAL-1", reviewedText);
        Assert.Contains("Go-live review: Awaiting go-live review.", awaitingText);
    }

    private async Task<string> ReportTextAsync(string loopId)
    {
        var report = await Service<ComplianceReportBuilder>().BuildAsync(loopId, Today.AddDays(-1), Today, "carla@test.local", CancellationToken.None);
        return WebUtility.HtmlDecode((await Service<ReportRenderer>().RenderAsync(report!)).Html);
    }

    [Fact]
    public async Task A_sign_off_keeps_the_exact_document_and_its_hash_and_is_audited()
    {
        var (loopId, _) = await LoopWithHistoryAsync();
        var report = await Service<ComplianceReportBuilder>().BuildAsync(loopId, Today.AddDays(-1), Today, "carla@test.local", CancellationToken.None);
        var document = await Service<ReportRenderer>().RenderAsync(report!);

        var outcome = await Service<ReportSignOffService>().SignAsync(document, "Reviewed with the product team", Carla, CancellationToken.None);

        Assert.Null(outcome.Error);
        var stored = await Service<SignOffQueries>().DocumentAsync(outcome.Id!.Value, CancellationToken.None);
        Assert.Equal(document.Html, stored!.Value.Html);
        var signOff = Assert.Single(await Service<SignOffQueries>().ForLoopAsync(loopId, CancellationToken.None));
        Assert.Equal((document.Hash, "carla@test.local", report!.Period.From, report.Period.To), (signOff.ContentHash, signOff.SignedBy, signOff.PeriodFrom, signOff.PeriodTo));
        var entry = Assert.Single((await Service<AuditQueries>().FindAsync(new AuditFilter(LoopId: loopId, Action: "report.sign-off"), 0, 10, CancellationToken.None)).Entries);
        Assert.Contains(document.Hash, entry.After);
        Assert.Equal("Reviewed with the product team", entry.Reason);
    }

    [Fact]
    public async Task The_report_downloads_as_a_file_for_any_portal_role_and_refuses_a_bad_period_in_words()
    {
        var (loopId, _) = await LoopWithHistoryAsync();
        await factory.CreateUserAsync("po-report@test.local", PortalRoles.ProductOwner);
        var client = await factory.LoginAsync("po-report@test.local", PortalAppFactory.UserPassword);
        var from = ReportPeriod.Format(Today.AddDays(-1));
        var to = ReportPeriod.Format(Today);

        var download = await client.GetAsync($"/insights/report/{loopId}/document?from={from}&to={to}&download=true");
        var badPeriod = await client.GetAsync($"/insights/report/{loopId}/document?from={to}&to=yesterday");
        var unknownLoop = await client.GetAsync($"/insights/report/no-such-loop/document?from={from}&to={to}");
        var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/insights/report/{loopId}/document?from={from}&to={to}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"compliance-{loopId}-{from}-to-{to}.html", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith("<!DOCTYPE html>", (await download.Content.ReadAsStringAsync()).TrimStart());
        Assert.Equal((HttpStatusCode.BadRequest, "to must be a day such as 2026-11-30."), (badPeriod.StatusCode, await badPeriod.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknownLoop.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    /// <summary>120 settled decisions (65+ rewarded 6 in 60, 18-24 30 in 60), the age band audit-only, one decision flagged.</summary>
    private async Task<(string LoopId, string FlaggedEvent)> LoopWithHistoryAsync()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var decisions = Enumerable.Range(0, 60).Select(i => Decision(loopId, HoursAgo(3), "65+", "A", i < 6 ? 1 : 0))
            .Concat(Enumerable.Range(0, 60).Select(i => Decision(loopId, HoursAgo(3), "18-24", "A", i < 30 ? 1 : 0))).ToArray();
        await SeedAsync(factory.Services, decisions);
        await Service<FeatureCatalogEditor>().SetAuditOnlyAsync(loopId, "user.ageBand", true, "Age must not drive suggestions", Carla, CancellationToken.None);
        await Service<DecisionReviewService>().FlagAsync(loopId, decisions[0].EventId, "Shown an article about retirement homes", Carla, CancellationToken.None);
        await Service<InsightAggregator>().CatchUpAsync(Service<LoopDirectory>().Find(loopId)!, CancellationToken.None);
        return (loopId, decisions[0].EventId);
    }
}
