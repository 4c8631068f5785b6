using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability.GoLive;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.CommunityReview.Panels;
using Portal.Features.Feedback.Board;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Insights.Catalog;
using Portal.Features.Insights.Report;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Features.Segments;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Feedback;
using Portal.Tests.Features.Oversight;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security;

/// <summary>
/// Every service that changes state checks its policy itself: called directly, as a page or an endpoint would, by
/// someone who lacks the policy, it refuses with <see cref="ForbiddenException"/> and nothing is stored.
/// </summary>
public sealed class ServiceAuthorizationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Signed in, but with no Portal role.</summary>
    private static readonly Actor Nobody = TestActors.Person("nobody-id", "nobody@test.local");
    private static readonly Actor Owner = TestActors.Person("owner-id", "owner@test.local", PortalRoles.ProductOwner);
    private static readonly Actor Reviewer = TestActors.Person("reviewer-id", "reviewer@test.local", PortalRoles.ComplianceReviewer);
    /// <summary>Named for the record but never signed in: holds no policy.</summary>
    private static readonly Actor Unsigned = new("admin-id", "admin@test.local");

    private sealed record Target(string LoopId, string OtherLoopId, LoopSettings Settings, long RuleId, long TicketId, string UserId,
        long SegmentId, ReportDocument Document);

    private static readonly Dictionary<string, Func<IServiceProvider, Target, Task>> Calls = new()
    {
        ["freeze (no role)"] = (s, t) => s.Get<FreezeService>().FreezeAsync(t.LoopId, "action-0", "r", null, Nobody, None),
        ["freeze (never signed in)"] = (s, t) => s.Get<FreezeService>().FreezeAsync(t.LoopId, "action-0", "r", null, Unsigned, None),
        ["unfreeze"] = (s, t) => s.Get<FreezeService>().UnfreezeAsync(t.LoopId, "action-1", "r", Nobody, None),
        ["loop kill switch"] = (s, t) => s.Get<LoopControlService>().SetKillSwitchAsync(t.LoopId, true, "r", Reviewer, None),
        ["global kill switch"] = (s, t) => s.Get<LoopControlService>().SetKillSwitchAsync(null, true, "r", Reviewer, None),
        ["serving mode"] = (s, t) => s.Get<LoopControlService>().SetModeAsync(t.LoopId, ServingMode.ModelFrozen, "r", Reviewer, None),
        ["four eyes"] = (s, t) => s.Get<LoopControlService>().SetRuleApprovalAsync(t.LoopId, false, "r", Owner, None),
        ["rule create"] = (s, t) => s.Get<RuleService>().CreateAsync(Draft(t.LoopId), Reviewer, None),
        ["rule approve"] = (s, t) => s.Get<RuleService>().ApproveAsync(t.RuleId, null, Owner, None),
        ["rule reject"] = (s, t) => s.Get<RuleService>().RejectAsync(t.RuleId, "r", Owner, None),
        ["rule revoke"] = (s, t) => s.Get<RuleService>().RevokeAsync(t.RuleId, "r", Nobody, None),
        ["decision flag"] = (s, t) => s.Get<DecisionReviewService>().FlagAsync(t.LoopId, "any-event", "r", Nobody, None),
        ["audit-only mark"] = (s, t) => s.Get<FeatureCatalogEditor>().SetAuditOnlyAsync(t.LoopId, "user.visits", true, "r", Nobody, None),
        ["audit-only unmark"] = (s, t) => s.Get<FeatureCatalogEditor>().SetAuditOnlyAsync(t.LoopId, "user.ageBand", false, "r", Owner, None),
        ["feature name"] = (s, t) => s.Get<FeatureCatalogEditor>().RenameAsync(t.LoopId, "user.ageBand", "Age", Nobody, None),
        ["loop settings"] = (s, t) => s.Get<LoopSettingsService>().UpdateSettingsAsync(t.LoopId, t.Settings with { DefaultReward = 0.5 }, Reviewer, None),
        ["loop settings (another loop's key)"] = (s, t) =>
            s.Get<LoopSettingsService>().UpdateSettingsAsync(t.LoopId, t.Settings with { DefaultReward = 0.5 }, Actor.LoopKey(t.OtherLoopId), None),
        ["learning policy"] = (s, t) => s.Get<LoopSettingsService>().UpdatePolicyAsync(t.LoopId, "p", "--cb_explore_adf --epsilon 0.3", Reviewer, None),
        ["model reset"] = (s, t) => s.Get<LoopSettingsService>().ResetModelAsync(t.LoopId, Reviewer, None),
        ["model reset (learning)"] = (s, t) =>
            s.Get<ModelResetService>().ResetAsync(t.LoopId, s.Get<LoopDirectory>().Find(t.LoopId)!.Policy, Actor.LoopKey(t.OtherLoopId), None),
        ["action name"] = (s, t) => s.Get<ActionCatalogEditor>().RenameAsync(t.LoopId, "action-0", "Zero", Reviewer, None),
        ["loop create"] = (s, _) => s.Get<LoopProvisioning>().CreateAsync("forbidden-loop", "No", LoopSettings.Default, null, Owner, None),
        ["loop key rotation"] = (s, t) => s.Get<LoopProvisioning>().RotateKeyAsync(t.LoopId, null, Owner, None),
        ["ticket status"] = (s, t) => s.Get<TicketTriage>().ChangeStatusAsync(t.TicketId, TicketStatus.Triaged, Nobody, None),
        ["ticket priority"] = (s, t) => s.Get<TicketTriage>().ChangePriorityAsync(t.TicketId, TicketPriority.P1, Nobody, None),
        ["ticket assignee"] = (s, t) => s.Get<TicketTriage>().BulkAssignAsync([t.TicketId], "reviewer-id", Nobody, None),
        ["ticket merge"] = (s, t) => s.Get<TicketMerge>().MergeAsync(t.TicketId, "FB-0", Nobody, None),
        ["ticket comment"] = (s, t) => s.Get<TicketConversation>().AddAsync(t.TicketId, "hello", true, Nobody, None),
        ["oversight from a ticket"] = (s, t) => s.Get<TicketOversightNotes>().NoteAsync(t.TicketId, Nobody, "Froze it.", None),
        ["go-live review record"] = (s, t) => s.Get<GoLiveReviews>().RecordAsync(t.OtherLoopId, new GoLiveChecklist
        {
            LegalReviewDone = true, LegalReference = "LEGAL-1", SensitiveFeaturesChecked = true, OptOutWired = true, Note = "n",
        }, Owner, None),
        ["go-live review withdraw"] = (s, t) => s.Get<GoLiveReviews>().WithdrawAsync(t.LoopId, "r", Owner, None),
        ["report sign-off"] = (s, t) => s.Get<ReportSignOffService>().SignAsync(t.Document, "ok", Owner, None),
        ["user create"] = (s, _) => s.Get<UserAdministration>().CreateAsync("new@test.local", [PortalRoles.Admin], Owner, None),
        ["user roles"] = (s, t) => s.Get<UserAdministration>().SetRolesAsync(t.UserId, [PortalRoles.Admin], Owner, None),
        ["user lock"] = (s, t) => s.Get<UserAdministration>().SetLockedAsync(t.UserId, true, Owner, None),
        ["user password"] = (s, t) => s.Get<UserAdministration>().ResetPasswordAsync(t.UserId, Owner, None),
        ["segment save"] = (s, _) => s.Get<SegmentService>().SaveAsync(null,
            new SegmentService.Draft("Forbidden", null, null, SegmentDefinition.Is("user.ageBand", "65+")), Nobody, None),
        ["segment delete"] = (s, t) => s.Get<SegmentService>().DeleteAsync(t.SegmentId, Nobody, None),
        ["feedback export"] = (s, _) => s.Get<FeedbackCsvExport>().WriteAsync(Nobody, new TicketFilter(),
            new TicketSort(TicketSortField.Created, true), new { query = "" }, TextWriter.Null, None),
        ["audit export"] = (s, _) => s.Get<AuditCsv>().WriteAsync(Owner, new AuditFilter(), Stream.Null, None),
        ["review panel create"] = (s, t) => s.Get<PanelService>().CreateAsync(new PanelForm { LoopId = t.LoopId, Name = "No", StrataBy = "user.ageBand" }, Owner, None),
        ["review panel invite"] = (s, _) => s.Get<PanelService>().InviteAsync(1, "Reviewer", token => token, Owner, None),
        ["review panel revoke"] = (s, _) => s.Get<PanelService>().RevokeAsync(1, Nobody, None),
    };

    public static TheoryData<string> Cases() => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_state_changing_service_refuses_an_actor_without_its_policy_and_stores_nothing(string call)
    {
        var target = await TargetAsync();
        var before = await StoredAsync(target);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Calls[call](factory.Services, target));

        Assert.Contains("is not allowed to", refused.Message);
        Assert.Equal(before, await StoredAsync(target));
    }

    [Fact]
    public async Task The_same_call_by_someone_holding_the_policy_is_made()
    {
        var target = await TargetAsync();

        var outcome = await factory.Services.Get<FreezeService>().FreezeAsync(target.LoopId, "action-2", "Allowed", null, Reviewer, None);

        Assert.True(outcome.Succeeded, outcome.Message);
    }

    /// <summary>What any of the changes would leave behind: audit entries, ticket history, and the rows they write.</summary>
    private async Task<string> StoredAsync(Target target)
    {
        await using var db = await factory.Services.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var loop = await db.Loops.AsNoTracking().SingleAsync(l => l.Id == target.LoopId);
        return string.Join(" | ",
            await db.AuditEntries.CountAsync(), await db.TicketHistory.CountAsync(), await db.TicketComments.CountAsync(),
            await db.ActionFreezes.CountAsync(f => f.LiftedAt == null), await db.OverrideRules.CountAsync(r => r.Status == RuleStatus.PendingApproval),
            await db.OverrideRules.CountAsync(), await db.LoopControls.CountAsync(), await db.LoopFeatures.CountAsync(f => f.AuditOnly),
            await db.LoopFeatures.CountAsync(f => f.DisplayName != null), await db.Loops.CountAsync(), loop.ApiKeyHash, loop.PolicyArguments,
            AuditRecord.Json(loop.Settings), await db.ReportSignOffs.CountAsync(), await db.Segments.CountAsync(), await db.Users.CountAsync(),
            await db.UserRoles.CountAsync(), await db.FeedbackTickets.CountAsync(t => t.Status != TicketStatus.New || t.AssigneeId != null),
            await db.GoLiveReviews.CountAsync(), await db.GoLiveReviews.CountAsync(r => r.WithdrawnAt != null));
    }

    private static readonly Dictionary<PortalAppFactory, Task<Target>> Targets = [];

    private Task<Target> TargetAsync()
    {
        lock (Targets) return Targets.TryGetValue(factory, out var target) ? target : Targets[factory] = CreateTargetAsync();
    }

    /// <summary>One of each thing the calls could change, made by an administrator.</summary>
    private async Task<Target> CreateTargetAsync()
    {
        var services = factory.Services;
        var admin = TestActors.Admin();
        var (loopId, _) = await factory.LoopWithActionsAsync();
        var (otherLoopId, _) = await factory.CreateLoopAsync();
        await services.Get<FreezeService>().FreezeAsync(loopId, "action-1", "Frozen for the test", null, admin, None);
        await services.Get<FeatureCatalogEditor>().SetAuditOnlyAsync(loopId, "user.ageBand", true, "Audit only for the test", admin, None);
        var rule = await services.Get<RuleService>().CreateAsync(Draft(loopId), admin, None);
        var receipt = await factory.SubmitAsync("A ticket for the authorization tests");
        var userId = await factory.CreateUserAsync("target-user@test.local", PortalRoles.ProductOwner);
        var segment = await services.Get<SegmentService>().SaveAsync(null,
            new SegmentService.Draft("Authorization test", null, loopId, SegmentDefinition.Is("user.ageBand", "25-34")), admin, None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var report = await services.Get<ComplianceReportBuilder>().BuildAsync(loopId, today.AddDays(-1), today, "admin@test.local", None);
        return new Target(loopId, otherLoopId, services.Get<LoopDirectory>().Find(loopId)!.Settings, rule.Id!.Value,
            await factory.TicketIdAsync(receipt.Reference), userId, segment.Id!.Value, await services.Get<ReportRenderer>().RenderAsync(report!));
    }

    private static RuleDraft Draft(string loopId) =>
        new(loopId, "user.ageBand = 25-34", SegmentDefinition.Is("user.ageBand", "25-34"), OverrideKind.ServeBaseline, [], "For the test");
}

file static class ServiceProviderExtensions
{
    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}
