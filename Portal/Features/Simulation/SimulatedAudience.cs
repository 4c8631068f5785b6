using System.Net;

namespace Portal.Features.Simulation;

/// <summary>
/// Who visits and what follows a shown article: the demo's visitors (<see cref="NewsWorld"/>), who click after
/// reading for a moment and whose clicks the application's server reports, and, while a staged attack runs, a script
/// that poses as visitors of one country and reports reward 1 for its target the instant it is shown, from an address
/// of its own. Everything random is drawn in <see cref="Next"/>, on one thread, before the visit's Rank.
/// </summary>
public sealed class SimulatedAudience(SimulatedAttackOptions attack, Random random)
{
    /// <summary>The demo application's server, which reports its visitors' clicks.</summary>
    public static readonly IPAddress ApplicationAddress = IPAddress.Parse("10.0.0.10");

    /// <summary>The attacker's machine (an address of the documentation range).</summary>
    public static readonly IPAddress AttackerAddress = IPAddress.Parse("203.0.113.66");

    private static readonly TimeSpan ShortestRead = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRead = TimeSpan.FromSeconds(4);

    private readonly NewsWorld world = new(random);

    public NewsWorld World => world;

    /// <summary>The country the staged attack poses as.</summary>
    public string AttackedCountry => attack.Country;

    public PlannedVisit Next(bool attackRunning)
    {
        var visit = world.NextVisit();
        var scripted = attackRunning && (attack.Share >= 1 || random.NextDouble() < attack.Share);
        if (scripted) visit = visit with { Country = attack.Country, UserId = "bot-" + visit.UserId };
        var reading = ShortestRead + (LongestRead - ShortestRead) * random.NextDouble();
        return new PlannedVisit(visit, scripted, random.NextDouble(), reading);
    }

    /// <summary>The reward that follows showing <paramref name="shown"/> on this visit, or null (no click).</summary>
    /// <param name="rewardWait">The loop's reward wait: a click is reported well within it.</param>
    public SimulatedReward? RewardFor(PlannedVisit plan, SimulatedArticle shown, TimeSpan rewardWait)
    {
        if (plan.Scripted) return shown.Id == attack.ActionId ? new SimulatedReward(TimeSpan.Zero, AttackerAddress) : null;
        if (plan.ClickRoll >= world.ClickProbability(plan.Visit, shown)) return null;
        var latest = rewardWait * 0.8;
        return new SimulatedReward(plan.ReadingTime < latest ? plan.ReadingTime : latest, ApplicationAddress);
    }
}

/// <summary>A visit with its dice already rolled: whether it is the attacker's, the click roll and the reading time.</summary>
public sealed record PlannedVisit(SimulatedVisit Visit, bool Scripted, double ClickRoll, TimeSpan ReadingTime);

/// <summary>Reward 1, sent <paramref name="After"/> the Rank from <paramref name="From"/>.</summary>
public readonly record struct SimulatedReward(TimeSpan After, IPAddress From)
{
    public double Value => 1.0;
}
