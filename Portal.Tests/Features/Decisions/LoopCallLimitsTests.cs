using System.Collections.Frozen;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using Portal.Features.Decisions;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions;

public sealed class LoopCallLimitsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_loop_gets_its_limit_per_second_then_refusals_until_the_next_second()
    {
        var limits = new LoopCallLimits(clock);
        var loop = Loop("a", rank: 3);

        var first = Enumerable.Range(0, 5).Select(_ => limits.TryAcquire(loop, LimitedCall.Rank)).ToList();
        clock.Advance(TimeSpan.FromSeconds(1));
        var next = limits.TryAcquire(loop, LimitedCall.Rank);

        Assert.Equal([true, true, true, false, false], first);
        Assert.True(next);
    }

    [Fact]
    public void Limits_count_per_loop_and_per_kind_and_zero_means_none()
    {
        var limits = new LoopCallLimits(clock);
        var busy = Loop("busy", rank: 1, reward: 1);
        var other = Loop("other", rank: 1);
        var open = Loop("open");

        Assert.True(limits.TryAcquire(busy, LimitedCall.Rank));
        Assert.False(limits.TryAcquire(busy, LimitedCall.Rank));
        Assert.True(limits.TryAcquire(busy, LimitedCall.Reward));
        Assert.True(limits.TryAcquire(other, LimitedCall.Rank));
        Assert.All(Enumerable.Range(0, 1_000), _ => Assert.True(limits.TryAcquire(open, LimitedCall.Rank)));
    }

    [Fact]
    public async Task Calls_from_many_threads_never_get_more_than_the_limit_in_one_second()
    {
        var limits = new LoopCallLimits(clock);
        var loop = Loop("raced", rank: 500);
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
                if (limits.TryAcquire(loop, LimitedCall.Rank)) Interlocked.Increment(ref granted);
        })));

        Assert.Equal(500, granted);
    }

    [Fact]
    public async Task Over_the_limit_rank_and_reward_answer_429_with_retry_after_in_the_api_shape_and_store_nothing()
    {
        var (_, api) = await factory.CreateLoopAsync(LoopSettings.Default with { RankCallsPerSecond = 2, RewardCallsPerSecond = 1 });

        var ranks = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) ranks.Add(await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(eventId: $"limited-{i}"))));
        var refused = ranks.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var created = ranks.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        var rewards = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) rewards.Add(await api.PostAsync("/personalizer/v1.0/events/limited-0/reward", RankPayloads.Json("""{"value":1}""")));

        Assert.InRange(created.Count, 2, 4); // two per second; the six calls may straddle one boundary
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        var (code, message) = await refused.ReadErrorAsync();
        Assert.Equal("TooManyRequests", code);
        Assert.Contains("at most 2 Rank calls per second", message);
        Assert.Contains(rewards, r => r.StatusCode == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public void A_negative_or_absurd_limit_is_refused_with_a_message_naming_it()
    {
        Assert.Contains("Rank limit -1", ServiceConfigurationMapper.Validate(LoopSettings.Default with { RankCallsPerSecond = -1 }));
        Assert.Contains("Reward limit 2000000", ServiceConfigurationMapper.Validate(LoopSettings.Default with { RewardCallsPerSecond = 2_000_000 }));
        Assert.Null(ServiceConfigurationMapper.Validate(LoopSettings.Default with { RankCallsPerSecond = 100, RewardCallsPerSecond = 0 }));
    }

    private static LoopRuntime Loop(string id, int rank = 0, int reward = 0)
    {
        var policy = PolicyParser.Parse(PolicyParser.PortalDefault);
        return new LoopRuntime(id, id, LoopSettings.Default with { RankCallsPerSecond = rank, RewardCallsPerSecond = reward }, "default", policy,
            new ModelSlot(new OnlineLearner(policy).Snapshot()), FrozenSet<string>.Empty);
    }
}
