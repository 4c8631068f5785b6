namespace Portal.Features.Simulation;

/// <summary>
/// The demo's users, articles and click model. Users click articles on their interests; small effects of device
/// and time of day make the context matter. Planted unfairness: users aged 65+ are few, their stated interests
/// say little about what they click, and they click less often overall, so the learner serves them
/// systematically worse suggestions. The bias pages should find this.
/// </summary>
public sealed class NewsWorld(Random random)
{
    public const string DisadvantagedAgeBand = "65+";

    public static readonly IReadOnlyList<string> AgeBands = ["18-24", "25-34", "35-49", "50-64", DisadvantagedAgeBand];
    private static readonly double[] AgeBandWeights = [0.18, 0.28, 0.27, 0.21, 0.06];
    public static readonly IReadOnlyList<string> Countries = ["US", "DE", "FR", "JP", "BR"];
    public static readonly IReadOnlyList<string> Devices = ["mobile", "desktop", "tablet"];
    public static readonly IReadOnlyList<string> TimesOfDay = ["morning", "afternoon", "evening", "night"];
    public static readonly IReadOnlyList<string> Topics = ["politics", "sports", "tech", "health", "finance", "travel", "food", "culture"];

    public static readonly IReadOnlyList<SimulatedArticle> Articles =
    [
        new("election-explainer", "politics", "text", 8),
        new("cup-final-highlights", "sports", "video", 3),
        new("new-phone-review", "tech", "video", 6),
        new("sleep-better-guide", "health", "text", 5),
        new("markets-weekly", "finance", "text", 7),
        new("hidden-beaches", "travel", "gallery", 2),
        new("15-minute-dinners", "food", "video", 4),
        new("museum-night", "culture", "gallery", 3),
    ];

    /// <summary>How many distinct visitors come back again and again.</summary>
    public const int Visitors = 5_000;

    private int visits;

    public SimulatedVisit NextVisit()
    {
        var first = Pick(Topics);
        var interests = random.NextDouble() < 0.5 ? new[] { first } : new[] { first, Pick(Topics.Where(t => t != first).ToList()) };
        // Ids come from a counter, not the random source, so a seed still gives the same visits as before ids existed.
        var userId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"visitor-{visits++ % Visitors + 1}");
        return new SimulatedVisit(PickWeighted(AgeBands, AgeBandWeights), Pick(Countries), Pick(Devices), interests, Pick(TimesOfDay), userId);
    }

    public double ClickProbability(SimulatedVisit visit, SimulatedArticle article)
    {
        if (visit.AgeBand == DisadvantagedAgeBand)
        {
            // What they click does not follow the interests they state, and they click less overall.
            var preferred = article.Topic is "health" or "culture" ? 0.22 : 0.06;
            return preferred * 0.8;
        }
        var p = 0.04;
        if (visit.Interests.Contains(article.Topic)) p += 0.30;
        if (article.Format == "video" && visit.Device == "mobile") p += 0.05;
        if (article.LengthMinutes >= 6 && visit.Device == "desktop" && visit.TimeOfDay == "morning") p += 0.06;
        if (article.Topic == "sports" && visit.TimeOfDay == "evening") p += 0.04;
        return Math.Min(p, 0.95);
    }

    public bool Clicks(SimulatedVisit visit, SimulatedArticle article) => random.NextDouble() < ClickProbability(visit, article);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string PickWeighted(IReadOnlyList<string> items, double[] weights)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return items[i];
        }
        return items[^1];
    }
}
