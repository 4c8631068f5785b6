using Portal.Contracts.Personalizer;

namespace Portal.Features.Decisions;

/// <summary>The result of a Rank call: a committed decision, or a refused duplicate eventId.</summary>
public sealed record RankResult(RankResponse? Response)
{
    public static RankResult Duplicate { get; } = new((RankResponse?)null);

    public bool IsDuplicate => Response is null;
}
