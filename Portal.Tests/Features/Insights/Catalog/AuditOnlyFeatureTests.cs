using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Insights.Catalog;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Features.Oversight.Review;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Catalog;

/// <summary>Audit-only features through the real Rank API, log, trainer and audit log.</summary>
public sealed class AuditOnlyFeatureTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Carla = TestActors.Person("carla-id", "carla@test.local", PortalRoles.ComplianceReviewer);

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task An_audit_only_feature_is_logged_but_the_learner_never_sees_it()
    {
        var marked = await TrainedLoopAsync(markAgeBand: true);
        var unmarked = await TrainedLoopAsync(markAgeBand: false);

        Assert.All(AgeBandTerms(marked.Loop), term => Assert.Equal(0, term.Contribution));
        Assert.Contains(AgeBandTerms(unmarked.Loop), term => term.Contribution != 0);
        var decision = await Service<DecisionQueries>().GetAsync(marked.Loop.Id, marked.LastEventId, CancellationToken.None);
        Assert.Equal("65+", decision!.Context[0].GetProperty("user").GetProperty("ageBand").GetString());
        Assert.DoesNotContain(decision.Explanation, c => c.Feature.Contains("ageBand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Marking_needs_a_reason_and_is_audited_with_it()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var editor = Service<FeatureCatalogEditor>();

        var noReason = await editor.SetAuditOnlyAsync(loopId, "user.ageBand", true, " ", Carla, CancellationToken.None);
        var badPath = await editor.SetAuditOnlyAsync(loopId, "user..ageBand", true, "Fairness review", Carla, CancellationToken.None);
        var done = await editor.SetAuditOnlyAsync(loopId, "user.ageBand", true, "Age must not drive suggestions", Carla, CancellationToken.None);

        Assert.Equal("A reason is required.", noReason);
        Assert.Contains("not a dotted feature path", badPath);
        Assert.Null(done);
        Assert.Contains("user.ageBand", Service<LoopDirectory>().Find(loopId)!.AuditOnlyFeatures.AsEnumerable());
        var entry = Assert.Single((await Service<AuditQueries>().FindAsync(new AuditFilter(LoopId: loopId, Action: "feature."), 0, 10, CancellationToken.None)).Entries);
        Assert.Equal(("feature.audit-only.on", $"{loopId}/user.ageBand", "Age must not drive suggestions", "carla@test.local"),
            (entry.Action, entry.TargetId, entry.Reason, entry.ActorName));
    }

    [Fact]
    public async Task Unmarking_makes_the_feature_an_input_again_and_renaming_is_audited()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var editor = Service<FeatureCatalogEditor>();
        await editor.SetAuditOnlyAsync(loopId, "user.gender", true, "Sensitive", Carla, CancellationToken.None);

        await editor.SetAuditOnlyAsync(loopId, "user.gender", false, "Needed for sizing", Carla, CancellationToken.None);
        var tooLong = await editor.RenameAsync(loopId, "user.gender", new string('x', 201), Carla, CancellationToken.None);
        await editor.RenameAsync(loopId, "user.device", "Your device", Carla, CancellationToken.None);

        Assert.Contains("at most 200", tooLong);
        Assert.Empty(Service<LoopDirectory>().Find(loopId)!.AuditOnlyFeatures);
        Assert.Equal("Your device", (await Service<FeatureDisplayNames>().ForLoopAsync(loopId, CancellationToken.None)).Features["user.device"]);
        var actions = (await Service<AuditQueries>().FindAsync(new AuditFilter(LoopId: loopId, Action: "feature."), 0, 10, CancellationToken.None))
            .Entries.Select(e => e.Action).Reverse();
        Assert.Equal(["feature.audit-only.on", "feature.audit-only.off", "feature.rename"], actions);
    }

    private async Task<(LoopRuntime Loop, string LastEventId)> TrainedLoopAsync(bool markAgeBand)
    {
        var (loopId, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        if (markAgeBand) await Service<FeatureCatalogEditor>().SetAuditOnlyAsync(loopId, "user.ageBand", true, "Fairness", Carla, CancellationToken.None);
        var eventId = "";
        for (var i = 0; i < 12; i++)
        {
            eventId = $"{loopId}-{i}";
            var response = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(Request(eventId)));
            var chosen = (await response.ReadJsonAsync()).GetProperty("rewardActionId").GetString();
            await api.PostAsync($"/personalizer/v1.0/events/{eventId}/reward", RankPayloads.Json(chosen == "action-0" ? """{"value":1}""" : """{"value":0.2}"""));
        }
        var loop = Service<LoopDirectory>().Find(loopId)!;
        await Eventually.TrueAsync(() => Service<LoopDirectory>().Find(loopId)!.Model.Current.ExamplesLearned == 12);
        return (Service<LoopDirectory>().Find(loopId)!, eventId);
    }

    private static JsonObject Request(string eventId)
    {
        var body = RankPayloads.Valid(3, eventId);
        body["contextFeatures"] = new JsonArray(new JsonObject { ["user"] = new JsonObject { ["ageBand"] = "65+", ["visits"] = 3 } });
        return body;
    }

    /// <summary>Every term of the current model's score that involves the age band (its weight × value), the feature not excluded.</summary>
    private static IEnumerable<FeatureContribution> AgeBandTerms(LoopRuntime loop)
    {
        var request = Request("probe");
        var context = PersonalizerFeatures.Parse([JsonDocument.Parse(request["contextFeatures"]![0]!.ToJsonString()).RootElement]);
        var action = PersonalizerFeatures.Parse([JsonDocument.Parse(request["actions"]![0]!["features"]![0]!.ToJsonString()).RootElement]);
        var terms = loop.Model.Current.ExplainAll(context, action).Where(t => t.Feature.Contains("ageBand", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(terms);
        return terms;
    }
}
