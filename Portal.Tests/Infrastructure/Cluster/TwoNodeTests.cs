using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Infrastructure.Cluster;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Cluster;

/// <summary>
/// Two Portal nodes over one PostgreSQL database (lease 2 s, models saved every 0.2 s and polled every 0.2 s): one
/// trains and the other serves its model; a reset made on either reaches both; a login, its antiforgery token and a
/// signed link made by one node work on the other.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class TwoNodeTests(TwoNodeTests.Nodes nodes) : IClassFixture<TwoNodeTests.Nodes>
{
    private const string Rank = "/personalizer/v1.0/rank";

    [Fact]
    public async Task A_model_trained_on_one_node_is_served_by_the_other()
    {
        var (trainer, follower) = await nodes.TrainerAndFollowerAsync();
        var eventId = await RankAndRewardAsync(follower.CreateApiClient());

        await Eventually.TrueAsync(() => Learner(trainer).LastTrainedSeq > 0 && Learner(trainer).Learner.ExamplesLearned > 0, seconds: 30);
        await Eventually.TrueAsync(() => Learner(follower).Learner.ExamplesLearned >= Learner(trainer).Learner.ExamplesLearned
            && Served(follower).Version == Served(trainer).Version, seconds: 10);

        var health = JsonDocument.Parse(await follower.CreateClient().GetStringAsync("/health/ready")).RootElement.GetProperty("checks").GetProperty("trainer");
        Assert.Equal(trainer.Services.GetRequiredService<TrainerLease>().NodeId, health.GetProperty("trainer").GetString());
        Assert.False(health.GetProperty("thisNodeTrains").GetBoolean());
        Assert.NotEmpty(eventId);
        Assert.Equal(Served(trainer).ExamplesLearned, Served(follower).ExamplesLearned);
    }

    [Fact]
    public async Task A_reset_made_on_the_node_that_does_not_train_replaces_the_trainers_model_for_good()
    {
        var (trainer, follower) = await nodes.TrainerAndFollowerAsync();
        await RankAndRewardAsync(trainer.CreateApiClient());
        await Eventually.TrueAsync(() => Learner(trainer).Learner.ExamplesLearned > 0, seconds: 30);
        var generation = Learner(trainer).Generation;

        var loop = follower.Services.GetRequiredService<LoopDirectory>().Find("demo")!;
        await follower.Services.GetRequiredService<ModelResetService>().ResetAsync("demo", loop.Policy, TestActors.Admin(), CancellationToken.None);

        await Eventually.TrueAsync(() => Learner(trainer).Generation > generation && Learner(trainer).Learner.ExamplesLearned == 0, seconds: 10);
        // Trainer passes and saves go on: none of them brings the old model back.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Learner(trainer).Learner.ExamplesLearned);
        Assert.Equal(0, Learner(follower).Learner.ExamplesLearned);
        Assert.Equal(Learner(follower).Generation, Learner(trainer).Generation);
    }

    [Fact]
    public async Task A_login_form_from_one_node_a_login_on_the_other_and_a_signed_link_all_work_across_nodes()
    {
        var cookies = new CookieContainer();
        var a = nodes.A.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var b = nodes.B.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        // The form and its antiforgery cookie come from A, the post goes to B.
        var login = await b.PostLoginAsync(PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword, formFrom: a);
        var pageOnA = await a.GetAsync("/loops");
        var ranked = await nodes.B.CreateApiClient().PostAsync(Rank, RankPayloads.Json(RankPayloads.Valid(eventId: "link-" + Guid.NewGuid().ToString("N"))));
        var whyUrl = new Uri(JsonDocument.Parse(await ranked.Content.ReadAsStringAsync()).RootElement.GetProperty("whyUrl").GetString()!);
        var why = await nodes.A.CreateClient().GetAsync(whyUrl.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain("Login", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, pageOnA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, why.StatusCode);
    }

    [Fact]
    public async Task Only_the_lease_holder_aggregates_so_no_decision_is_counted_twice()
    {
        var (trainer, follower) = await nodes.TrainerAndFollowerAsync();
        var loop = trainer.Services.GetRequiredService<LoopDirectory>().Find("demo")!;
        var settings = loop.Settings;
        await trainer.Services.GetRequiredService<LoopSettingsService>().UpdateSettingsAsync("demo",
            settings with { RewardWaitTime = TimeSpan.FromSeconds(1) }, TestActors.Admin(), CancellationToken.None);
        for (var i = 0; i < 3; i++) await RankAndRewardAsync(follower.CreateApiClient());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var byFollower = await follower.Services.GetRequiredService<InsightAggregator>()
            .CatchUpAsync(follower.Services.GetRequiredService<LoopDirectory>().Find("demo")!, CancellationToken.None);
        await trainer.Services.GetRequiredService<InsightAggregator>()
            .CatchUpAsync(trainer.Services.GetRequiredService<LoopDirectory>().Find("demo")!, CancellationToken.None);

        Assert.Equal(0, byFollower);
        await using var db = await trainer.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var logged = await db.Decisions.CountAsync(d => d.LoopId == "demo");
        var counted = await db.SegmentStats.Where(s => s.LoopId == "demo" && s.Dimension == Dimensions.Everyone)
            .SumAsync(s => s.Decisions);
        Assert.Equal(logged, counted);
    }

    private static LoopLearner Learner(PortalAppFactory node) => node.Services.GetRequiredService<ModelRegistry>().Find("demo")!;

    private static Portal.Features.Learning.BanditModel Served(PortalAppFactory node) => node.Services.GetRequiredService<LoopDirectory>().Find("demo")!.Model.Current;

    private static async Task<string> RankAndRewardAsync(HttpClient api)
    {
        var eventId = "two-nodes-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(Rank, RankPayloads.Json(RankPayloads.Valid(eventId: eventId)))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/personalizer/v1.0/events/{eventId}/reward",
            new StringContent("{\"value\":1}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        return eventId;
    }

    /// <summary>Node A started first (it takes the lease), then node B, over one new database of the test run's cluster.</summary>
    public sealed class Nodes : IDisposable
    {
        private readonly string connectionString = PostgresCluster.Shared.CreateDatabase();

        public Nodes()
        {
            A = new Node(connectionString, "node-a");
            A.CreateClient().Dispose();
            B = new Node(connectionString, "node-b");
            B.CreateClient().Dispose();
        }

        public PortalAppFactory A { get; }
        public PortalAppFactory B { get; }

        public async Task<(PortalAppFactory Trainer, PortalAppFactory Follower)> TrainerAndFollowerAsync()
        {
            static bool Trains(PortalAppFactory node) => node.Services.GetRequiredService<TrainerLease>().IsHeld;
            await Eventually.TrueAsync(() => Trains(A) || Trains(B));
            return Trains(A) ? (A, B) : (B, A);
        }

        public void Dispose()
        {
            B.Dispose();
            A.Dispose();
            PostgresCluster.Shared.DropDatabase(connectionString);
        }
    }

    private sealed class Node(string connectionString, string nodeId) : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["Portal:Database:ConnectionString"] = connectionString,
            ["Portal:Cluster:NodeId"] = nodeId,
            ["Portal:Cluster:LeaseDuration"] = "00:00:02",
            ["Portal:Cluster:LeaseRenewInterval"] = "00:00:00.500",
            ["Portal:Cluster:ModelPollInterval"] = "00:00:00.200",
            ["Portal:Training:SaveInterval"] = "00:00:00.200",
        };
    }
}
