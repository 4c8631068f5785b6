using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability;
using Portal.Features.Accountability.GoLive;
using Portal.Features.Training;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accountability.GoLive;

/// <summary>
/// The go-live gate as applications see it through Rank: a new loop serves only the baseline (as apprentice mode does)
/// until a compliance reviewer records its review; withdrawing the review sends it back at the next Rank; every review
/// is kept and audited; incomplete checklists and people without the role change nothing.
/// </summary>
public sealed class GoLiveGateTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Actor Reviewer = TestActors.Person("cr-id", "cr@test.local", PortalRoles.ComplianceReviewer);
    private static readonly Actor ProductOwner = TestActors.Person("po-id", "po@test.local", PortalRoles.ProductOwner);

    private GoLiveReviews Reviews => factory.Services.GetRequiredService<GoLiveReviews>();
    private GoLiveQueries Queries => factory.Services.GetRequiredService<GoLiveQueries>();

    private static GoLiveChecklist Complete(string reference = "LEGAL-2026-17", string note = "Statement follows next week.") => new()
    {
        LegalReviewDone = true, LegalReference = reference, SensitiveFeaturesChecked = true, OptOutWired = true, Note = note,
    };

    [Fact]
    public async Task A_new_loop_serves_the_baseline_for_every_request_exactly_as_apprentice_mode_reports_it_and_learns_from_it()
    {
        var (gated, gatedApi) = await factory.CreateLoopAsync(goLiveReview: false);
        var (_, apprenticeApi) = await factory.CreateLoopAsync(LoopSettings.Default with { LearningMode = LearningMode.Apprentice });

        for (var i = 0; i < 20; i++)
        {
            var excluded = i % 4 == 0 ? new[] { "action-0" } : [];
            var fromGated = await RankAsync(gatedApi, $"gated-{i}", excluded);
            var fromApprentice = await RankAsync(apprenticeApi, $"gated-{i}", excluded);

            Assert.Equal(excluded.Length == 0 ? "action-0" : "action-1", fromGated.GetProperty("rewardActionId").GetString());
            Assert.Equal(1.0, fromGated.GetProperty("ranking")[0].GetProperty("probability").GetDouble());
            Assert.Equal(Served(fromApprentice), Served(fromGated));
        }

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var logged = await db.Decisions.AsNoTracking().Where(d => d.LoopId == gated).ToListAsync();
        Assert.Equal(20, logged.Count);
        Assert.All(logged, d => Assert.True(d.Oversight.HasFlag(OversightEffects.AwaitingGoLive)));
        Assert.All(logged, d => Assert.True(Learnability.IsLearnable(d.Mode, d.Oversight, false, d.DeferActivation, d.ActivatedAt, d.ChosenProbability)));
        Assert.False((await Queries.StatusAsync(gated, None))!.IsLive);
    }

    [Fact]
    public async Task Recording_the_review_lets_the_model_serve_and_withdrawing_it_returns_the_loop_to_the_baseline_at_the_next_rank()
    {
        var (loopId, api) = await factory.CreateLoopAsync(goLiveReview: false);

        Assert.True((await Reviews.RecordAsync(loopId, Complete(), Reviewer, None)).Succeeded);
        var live = await RankAsync(api, "after-review");
        Assert.True(live.GetProperty("ranking")[0].GetProperty("probability").GetDouble() < 1, "a new model ties its actions once it serves");
        Assert.True(live.GetProperty("personalized").GetBoolean());

        Assert.True((await Reviews.WithdrawAsync(loopId, "Legal asked to pause the launch.", Reviewer, None)).Succeeded);
        var back = await RankAsync(api, "after-withdrawal");
        Assert.Equal(("action-0", 1.0, false), (back.GetProperty("rewardActionId").GetString(),
            back.GetProperty("ranking")[0].GetProperty("probability").GetDouble(), back.GetProperty("personalized").GetBoolean()));
    }

    [Fact]
    public async Task Withdrawing_and_recording_again_keeps_every_review_in_the_history_and_audits_each_change()
    {
        var (loopId, _) = await factory.CreateLoopAsync(goLiveReview: false);
        var statements = factory.Services.GetRequiredService<DataHandlingStatements>();

        await Reviews.RecordAsync(loopId, Complete("LEGAL-1"), Reviewer, None);
        await Reviews.WithdrawAsync(loopId, "The purpose changed.", Reviewer, None);
        await statements.PublishAsync(loopId, "We use your device type.", Reviewer, None);
        await Reviews.RecordAsync(loopId, Complete("LEGAL-2", note: ""), TestActors.Admin(), None);

        var status = (await Queries.StatusAsync(loopId, None))!;
        Assert.Equal([2, 1], status.History.Select(r => r.Version));
        Assert.Equal(("LEGAL-2", "admin@test.local", (int?)1), (status.Current!.LegalReference, status.Current.RecordedByName, status.Current.StatementVersion));
        var first = status.History[1];
        Assert.Equal(("LEGAL-1", "cr@test.local", "The purpose changed.", (int?)null), (first.LegalReference, first.WithdrawnByName, first.WithdrawReason, first.StatementVersion));

        var audit = await AuditAsync(loopId);
        Assert.Equal([GoLiveReviews.RecordAction, GoLiveReviews.WithdrawAction, GoLiveReviews.RecordAction], audit.Select(a => a.Action));
        Assert.Equal(["cr@test.local", "cr@test.local", "admin@test.local"], audit.Select(a => a.ActorName));
        Assert.Contains("LEGAL-1", audit[0].After);
        Assert.Equal("The purpose changed.", audit[1].Reason);
    }

    public static TheoryData<string, string> IncompleteChecklists() => new()
    {
        { "no legal review", "The legal review must be done" },
        { "empty reference", "The legal review's reference is required" },
        { "blank reference", "The legal review's reference is required" },
        { "sensitive features unchecked", "Check the loop's features for sensitive inputs" },
        { "opt-out not wired", "The application must honour opt-out" },
        { "no statement and no note", "No data-handling statement is published for this loop" },
    };

    [Theory]
    [MemberData(nameof(IncompleteChecklists))]
    public async Task An_incomplete_checklist_is_refused_with_a_message_naming_the_item_and_nothing_is_stored(string what, string message)
    {
        var (loopId, api) = await factory.CreateLoopAsync(goLiveReview: false);
        var checklist = Complete();
        switch (what)
        {
            case "no legal review": checklist.LegalReviewDone = false; break;
            case "empty reference": checklist.LegalReference = ""; break;
            case "blank reference": checklist.LegalReference = "   "; break;
            case "sensitive features unchecked": checklist.SensitiveFeaturesChecked = false; break;
            case "opt-out not wired": checklist.OptOutWired = false; break;
            default: checklist.Note = ""; break;
        }

        var outcome = await Reviews.RecordAsync(loopId, checklist, Reviewer, None);

        Assert.Equal(GoLiveProblem.Invalid, outcome.Problem);
        Assert.StartsWith(message, outcome.Message);
        Assert.Empty((await Queries.StatusAsync(loopId, None))!.History);
        Assert.Empty(await AuditAsync(loopId));
        Assert.Equal(1.0, (await RankAsync(api, "still-gated")).GetProperty("ranking")[0].GetProperty("probability").GetDouble());
    }

    [Fact]
    public async Task A_product_owner_may_neither_record_nor_withdraw_and_nothing_is_stored()
    {
        var (gated, _) = await factory.CreateLoopAsync(goLiveReview: false);
        var (live, _) = await factory.CreateLoopAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Reviews.RecordAsync(gated, Complete(), ProductOwner, None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reviews.WithdrawAsync(live, "No.", ProductOwner, None));

        Assert.Empty((await Queries.StatusAsync(gated, None))!.History);
        Assert.True((await Queries.StatusAsync(live, None))!.IsLive);
        Assert.Single(await AuditAsync(live));
    }

    [Fact]
    public async Task Recording_twice_withdrawing_without_a_review_or_without_a_reason_are_refused()
    {
        var (loopId, _) = await factory.CreateLoopAsync(goLiveReview: false);

        Assert.Equal(GoLiveProblem.Conflict, (await Reviews.WithdrawAsync(loopId, "Nothing to withdraw.", Reviewer, None)).Problem);
        await Reviews.RecordAsync(loopId, Complete(), Reviewer, None);
        Assert.Equal(GoLiveProblem.Conflict, (await Reviews.RecordAsync(loopId, Complete(), Reviewer, None)).Problem);
        Assert.Equal(GoLiveProblem.Invalid, (await Reviews.WithdrawAsync(loopId, "  ", Reviewer, None)).Problem);
        Assert.Equal(GoLiveProblem.NotFound, (await Reviews.RecordAsync("no-such-loop", Complete(), Reviewer, None)).Problem);

        Assert.Single((await Queries.StatusAsync(loopId, None))!.History);
        Assert.Single(await AuditAsync(loopId));
    }

    [Fact]
    public async Task The_demo_loop_is_live_with_its_review_recorded_by_Portal_and_labelled_as_the_demos()
    {
        var status = (await Queries.StatusAsync("demo", None))!;

        Assert.Equal(GoLiveReviewSource.Demo, status.Current!.Source);
        Assert.Equal(("system", GoLiveReviews.DemoNote), (status.Current.RecordedByName, status.Current.Note));
        var audit = Assert.Single(await AuditAsync("demo"));
        Assert.Equal(("system", GoLiveReviews.DemoNote), (audit.ActorName, audit.Reason));
    }

    [Fact]
    public async Task The_api_reads_the_status_records_with_errors_in_personalizers_shape_and_withdraws()
    {
        var (loopId, api) = await factory.CreateLoopAsync(goLiveReview: false);
        var reviewer = await factory.TokenClientAsync("api-reviewer@test.local", PortalRoles.ComplianceReviewer);
        var reader = await factory.TokenClientAsync("api-owner@test.local", PortalRoles.ProductOwner);

        var awaiting = await (await reader.GetAsync($"/api/v1/loops/{loopId}/go-live-review")).ReadJsonAsync();
        Assert.False(awaiting.GetProperty("isLive").GetBoolean());

        var bad = await reviewer.PostAsync($"/api/v1/loops/{loopId}/go-live-review", RankPayloads.Json(
            """{"legalReviewDone":true,"legalReference":"","sensitiveFeaturesChecked":true,"optOutWired":true,"note":"n"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(("BadRequest", true), ((await bad.ReadErrorAsync()).Code, (await bad.ReadErrorAsync()).Message.Contains("reference is required")));

        var recorded = await reviewer.PostAsync($"/api/v1/loops/{loopId}/go-live-review", RankPayloads.Json(
            """{"legalReviewDone":true,"legalReference":"LEGAL-API-1","sensitiveFeaturesChecked":true,"optOutWired":true,"note":"Statement follows."}"""));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal("LEGAL-API-1", (await recorded.ReadJsonAsync()).GetProperty("current").GetProperty("legalReference").GetString());
        Assert.True((await RankAsync(api, "api-live")).GetProperty("personalized").GetBoolean());

        var withdrawn = await reviewer.PostAsync($"/api/v1/loops/{loopId}/go-live-review/withdraw", RankPayloads.Json("""{"reason":"Paused."}"""));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False((await withdrawn.ReadJsonAsync()).GetProperty("isLive").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/loops/no-such-loop/go-live-review")).StatusCode);
    }

    private static async Task<JsonElement> RankAsync(HttpClient api, string eventId, string[]? excluded = null)
    {
        var body = RankPayloads.Valid(eventId: eventId);
        if (excluded is { Length: > 0 }) body["excludedActions"] = new System.Text.Json.Nodes.JsonArray(excluded.Select(e => (System.Text.Json.Nodes.JsonNode)e!).ToArray());
        var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>What an application reads of a Rank answer: the ranking, the action to reward, explored, personalized.</summary>
    private static string Served(JsonElement answer) => string.Join(" | ", answer.GetProperty("ranking").ToString(),
        answer.GetProperty("rewardActionId").GetString(), answer.GetProperty("explored").GetBoolean(), answer.GetProperty("personalized").GetBoolean());

    private async Task<List<AuditEntry>> AuditAsync(string loopId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.LoopId == loopId && e.Action.StartsWith("loop.golive.")).OrderBy(e => e.Seq).ToListAsync();
    }
}
