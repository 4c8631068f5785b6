using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Evaluation.Runs;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Tests.Features.Evaluation.Runs;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Evaluation.Api;

public sealed class EvaluationsApiTests(EvaluationAppFactory app) : IClassFixture<EvaluationAppFactory>
{
    private const string Version = "api-version=2022-09-01-preview";

    private readonly ScriptedPolicyEvaluator evaluator = WithDefaultBehaviour(app.Evaluator);

    private static ScriptedPolicyEvaluator WithDefaultBehaviour(ScriptedPolicyEvaluator evaluator)
    {
        evaluator.Behaviour = null;
        return evaluator;
    }

    [Fact]
    public async Task A_created_evaluation_runs_and_get_reports_each_policy_with_its_interval_and_time_series()
    {
        var (_, api) = await app.LoopWithActionsAsync();

        var created = await api.PutAsync($"/personalizer/evaluations/first?{Version}", Body("cheap", "--cb_explore_adf --epsilon 0.1"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var evaluation = await SucceededAsync(api, "first");
        Assert.Equal("first", (string?)evaluation["id"]);
        Assert.Equal("Manual", (string?)evaluation["evaluationType"]);
        var policies = evaluation["content"]!["value"]!.AsArray();
        Assert.Equal(["online", "baseline", "uniform random", "cheap"], policies.Select(p => (string?)p!["name"]));
        Assert.Equal(["Online", "Baseline", "Random", "Custom"], policies.Select(p => (string?)p!["policySource"]));
        var cheap = policies[3]!;
        Assert.Equal(0.55, (double)cheap["summary"]!["expectedReward"]!, 6);
        Assert.Equal([0.47, 0.63], cheap["summary"]!["confidenceInterval"]!.AsArray().Select(v => Math.Round((double)v!, 6)));
        Assert.Equal(2, cheap["timeseries"]!["data"]!.AsArray().Count);
        Assert.Equal(5, (int)evaluation["content"]!["intervalInMinutes"]!);
    }

    [Fact]
    public async Task The_time_series_is_expanding_by_default_and_rolling_over_the_runs_or_a_longer_interval_on_request()
    {
        var (_, api) = await app.LoopWithActionsAsync();
        await api.PutAsync($"/personalizer/evaluations/series?{Version}", Body("cheap", "--cb_explore_adf --epsilon 0.1"));
        await SucceededAsync(api, "series");
        // The scripted run: two 5-minute buckets of 100 decisions each, 55 and 56 of them rewarded under "cheap".

        Assert.Equal(new[] { 0.55, 0.555 }, await SeriesAsync(api, ""));
        Assert.Equal(new[] { 0.55, 0.555 }, await SeriesAsync(api, "&window=Expanding&intervalInMinutes=5"));
        Assert.Equal(new[] { 0.55, 0.56 }, await SeriesAsync(api, "&window=Rolling"));
        Assert.Equal(new[] { 0.555 }, await SeriesAsync(api, "&window=Rolling&intervalInMinutes=60"));
        var hourly = JsonNode.Parse(await api.GetStringAsync($"/personalizer/evaluations/series?{Version}&window=Rolling&intervalInMinutes=60"))!;
        Assert.Equal(60, (int)hourly["content"]!["intervalInMinutes"]!);

        foreach (var (query, words) in new[]
                 {
                     ("&window=Expanding&intervalInMinutes=60", "window=Expanding gives a value every 5 minutes"),
                     ("&window=Rolling&intervalInMinutes=45", "window=Rolling takes intervalInMinutes=5, 60, 360, 720, 1440"),
                     ("&window=Sliding", "window must be Expanding or Rolling"),
                 })
        {
            var refused = await api.GetAsync($"/personalizer/evaluations/series?{Version}{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!;
            Assert.Equal("InvalidRequest", (string?)error["code"]);
            Assert.Contains(words, (string?)error["message"]);
        }
    }

    /// <summary>The expected rewards of the series of the policy "cheap", rounded to 6 places.</summary>
    private static async Task<double[]> SeriesAsync(HttpClient api, string query)
    {
        var evaluation = JsonNode.Parse(await api.GetStringAsync($"/personalizer/evaluations/series?{Version}{query}"))!;
        var cheap = evaluation["content"]!["value"]!.AsArray().Single(p => (string?)p!["name"] == "cheap")!;
        return [.. cheap["timeseries"]!["data"]!.AsArray().Select(point => Math.Round((double)point!["expectedReward"]!, 6))];
    }

    [Fact]
    public async Task Policy_optimization_reports_the_best_discovered_settings_as_offline_experimentation()
    {
        var (_, api) = await app.LoopWithActionsAsync();

        await api.PutAsync($"/personalizer/evaluations/optimized?{Version}", Body(optimize: true));

        var evaluation = await SucceededAsync(api, "optimized");
        var discovered = evaluation["content"]!["value"]!.AsArray().Where(p => (string?)p!["policySource"] == "OfflineExperimentation").ToList();
        var best = Assert.Single(discovered);
        Assert.StartsWith("discovered:", (string?)best!["name"]);
        Assert.Equal((string?)best["name"], (string?)evaluation["optimalPolicy"]);
    }

    [Theory]
    [InlineData("reversed", "InvalidEvaluationContract", "ends before it starts")]
    [InlineData("future", "InvalidEvaluationContract", "future")]
    [InlineData("no-data", "NoLogsExistInDateRange", "No decisions were logged")]
    [InlineData("unknown-flag", "InvalidPolicyConfiguration", "--bogus")]
    [InlineData("duplicate", "DuplicateCustomPolicyNames", "baseline")]
    [InlineData("no-name", "InvalidEvaluationContract", "name")]
    public async Task Bad_input_gets_400_in_Personalizers_shape_and_stores_nothing(string kind, string code, string words)
    {
        var (loopId, api) = await app.LoopWithActionsAsync();
        var now = DateTimeOffset.UtcNow;
        var body = kind switch
        {
            "reversed" => Body(from: now, to: now.AddHours(-1)),
            "future" => Body(from: now.AddDays(1), to: now.AddDays(2)),
            "no-data" => Body(from: now.AddYears(-1), to: now.AddYears(-1).AddDays(1)),
            "unknown-flag" => Body("bad", "--cb_explore_adf --bogus 3"),
            "duplicate" => Body("baseline", "--cb_explore_adf"),
            _ => Body(name: ""),
        };

        var response = await api.PutAsync($"/personalizer/evaluations/bad?{Version}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (actualCode, message) = await response.ReadErrorAsync();
        Assert.Equal(code, actualCode);
        Assert.Contains(words, message);
        Assert.Null(await app.RowAsync(new RunKey(loopId, "bad")));
    }

    [Fact]
    public async Task An_id_in_use_gets_409_and_an_unknown_id_404()
    {
        var (_, api) = await app.LoopWithActionsAsync();
        await api.PutAsync($"/personalizer/evaluations/twice?{Version}", Body());

        var again = await api.PutAsync($"/personalizer/evaluations/twice?{Version}", Body());
        var unknown = await api.GetAsync($"/personalizer/evaluations/nope?{Version}");
        var unknownDelete = await api.DeleteAsync($"/personalizer/evaluations/nope?{Version}");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("EvaluationAlreadyExists", (await again.ReadErrorAsync()).Code);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("EvaluationNotFound", (await unknown.ReadErrorAsync()).Code);
        Assert.Equal(HttpStatusCode.NotFound, unknownDelete.StatusCode);
    }

    [Fact]
    public async Task Without_the_preview_api_version_the_routes_refuse_and_without_a_key_they_answer_401()
    {
        var (_, api) = await app.LoopWithActionsAsync();

        var noVersion = await api.GetAsync("/personalizer/evaluations");
        var noKey = await app.CreateApiClient(key: null).GetAsync($"/personalizer/evaluations?{Version}");

        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Contains("2022-09-01-preview", (await noVersion.ReadErrorAsync()).Message);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task The_key_of_another_loop_neither_sees_nor_deletes_nor_applies_the_evaluation()
    {
        var (_, api) = await app.LoopWithActionsAsync();
        var (_, other) = await app.LoopWithActionsAsync();
        await api.PutAsync($"/personalizer/evaluations/mine?{Version}", Body());
        await SucceededAsync(api, "mine");

        var get = await other.GetAsync($"/personalizer/evaluations/mine?{Version}");
        var list = JsonNode.Parse(await other.GetStringAsync($"/personalizer/evaluations?{Version}"))!;
        var delete = await other.DeleteAsync($"/personalizer/evaluations/mine?{Version}");
        var apply = await other.PostAsync($"/personalizer/configurations/applyFromEvaluation?{Version}",
            RankPayloads.Json("""{"evaluationId":"mine","policyName":"online"}"""));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Empty(list["value"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apply.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/personalizer/evaluations/mine?{Version}")).StatusCode);
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_a_next_link_that_continues_it()
    {
        var (_, api) = await app.LoopWithActionsAsync();
        foreach (var id in new[] { "a", "b", "c" }) await api.PutAsync($"/personalizer/evaluations/{id}?{Version}", Body());

        var first = JsonNode.Parse(await api.GetStringAsync($"/personalizer/evaluations?{Version}&top=3&skip=0&maxpagesize=2"))!;
        var next = new Uri((string)first["nextLink"]!);
        var second = JsonNode.Parse(await api.GetStringAsync(next.PathAndQuery))!;

        Assert.Equal(["c", "b"], first["value"]!.AsArray().Select(e => (string?)e!["id"]));
        Assert.Contains("top=1", next.Query);
        Assert.Contains("skip=2", next.Query);
        Assert.Equal(["a"], second["value"]!.AsArray().Select(e => (string?)e!["id"]));
        Assert.Null(second["nextLink"]);
    }

    [Fact]
    public async Task Deleting_a_running_evaluation_cancels_it_and_removes_it()
    {
        var (loopId, api) = await app.LoopWithActionsAsync();
        evaluator.Behaviour = ScriptedPolicyEvaluator.UntilCanceled;
        await api.PutAsync($"/personalizer/evaluations/long?{Version}", Body());
        await app.WaitForAsync(new RunKey(loopId, "long"), EvaluationRunStatus.Running);

        var deleted = await api.DeleteAsync($"/personalizer/evaluations/long?{Version}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/personalizer/evaluations/long?{Version}")).StatusCode);
        await Eventually.TrueAsync(() => app.Services.GetRequiredService<EvaluationProgressBoard>().ProgressOf(new RunKey(loopId, "long")) is null);
        Assert.Null(await app.RowAsync(new RunKey(loopId, "long")));
    }

    [Fact]
    public async Task Apply_from_evaluation_makes_the_policy_the_loops_policy_and_audits_it_as_the_loop_key()
    {
        var (loopId, api) = await app.LoopWithActionsAsync();
        var current = app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Policy.Arguments;
        var other = current.Replace("--epsilon 0.2", "--epsilon 0.1", StringComparison.Ordinal);
        await api.PutAsync($"/personalizer/evaluations/apply?{Version}", Body("less exploration", other));
        await SucceededAsync(api, "apply");

        var applied = await api.PostAsync($"/personalizer/configurations/applyFromEvaluation?{Version}",
            RankPayloads.Json("""{"evaluationId":"apply","policyName":"less exploration"}"""));

        Assert.Equal(HttpStatusCode.NoContent, applied.StatusCode);
        var loop = app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!;
        Assert.Equal("less exploration", loop.PolicyName);
        Assert.Equal(0.1, loop.Policy.Epsilon);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.Where(e => e.LoopId == loopId && e.Action == "loop.policy").SingleAsync();
        Assert.Contains("less exploration", entry.After);
        Assert.Equal($"API key of loop '{loopId}'", entry.ActorName);
    }

    [Fact]
    public async Task Apply_refuses_a_policy_that_would_silently_discard_the_learned_model_and_a_policy_that_is_not_learning_settings()
    {
        var (loopId, api) = await app.LoopWithActionsAsync(settings: LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        await api.PutAsync($"/personalizer/evaluations/reset?{Version}", Body("slow", "--cb_explore_adf --epsilon 0.2 -l 0.01"));
        await SucceededAsync(api, "reset");
        var models = app.Services.GetRequiredService<ModelResetService>();
        await Eventually.TrueAsync(() => models.ExamplesLearned(loopId) > 0, seconds: 30);

        var slow = await api.PostAsync($"/personalizer/configurations/applyFromEvaluation?{Version}",
            RankPayloads.Json("""{"evaluationId":"reset","policyName":"slow"}"""));
        var baseline = await api.PostAsync($"/personalizer/configurations/applyFromEvaluation?{Version}",
            RankPayloads.Json("""{"evaluationId":"reset","policyName":"baseline"}"""));
        var missing = await api.PostAsync($"/personalizer/configurations/applyFromEvaluation?{Version}",
            RankPayloads.Json("""{"evaluationId":"reset","policyName":"nobody"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, slow.StatusCode);
        Assert.Contains("Reset the model first", (await slow.ReadErrorAsync()).Message);
        Assert.NotEqual("slow", app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.PolicyName);
        Assert.Equal(HttpStatusCode.BadRequest, baseline.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("LearningSettingsNotFound", (await missing.ReadErrorAsync()).Code);
    }

    [Fact]
    public async Task Deleting_a_loop_deletes_its_evaluations_and_its_key_no_longer_opens_them()
    {
        var (loopId, api) = await app.LoopWithActionsAsync();
        await api.PutAsync($"/personalizer/evaluations/gone?{Version}", Body());
        await SucceededAsync(api, "gone");

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Loops.Where(l => l.Id == loopId).ExecuteDeleteAsync();
        }
        await app.Services.GetRequiredService<LoopDirectory>().ReloadAsync(CancellationToken.None);

        Assert.Null(await app.RowAsync(new RunKey(loopId, "gone")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync($"/personalizer/evaluations/gone?{Version}")).StatusCode);
        var outcome = await app.Services.GetRequiredService<EvaluationRunService>()
            .CreateAsync(EvaluationRunTestData.Request(loopId), Portal.Infrastructure.Security.Actor.System, CancellationToken.None);
        Assert.Equal(404, Assert.Single(outcome.Problems).Status);
    }

    private static async Task<JsonNode> SucceededAsync(HttpClient api, string id)
    {
        JsonNode? evaluation = null;
        await Eventually.TrueAsync(async () =>
        {
            evaluation = JsonNode.Parse(await api.GetStringAsync($"/personalizer/evaluations/{id}?{Version}"));
            Assert.NotEqual("Failed", (string?)evaluation!["status"]);
            return (string?)evaluation["status"] == "Succeeded";
        });
        return evaluation!;
    }

    private static HttpContent Body(string? policyName = null, string? arguments = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        bool optimize = false, string name = "an evaluation")
    {
        var policies = new JsonArray();
        if (policyName is not null) policies.Add(new JsonObject { ["name"] = policyName, ["arguments"] = arguments });
        var body = new JsonObject
        {
            ["name"] = name,
            ["startTime"] = Iso(from ?? DateTimeOffset.UtcNow.AddHours(-1)),
            ["endTime"] = Iso(to ?? DateTimeOffset.UtcNow.AddSeconds(30)),
            ["policies"] = policies,
            ["enablePolicyOptimization"] = optimize,
        };
        return RankPayloads.Json(body.ToJsonString());
    }

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
