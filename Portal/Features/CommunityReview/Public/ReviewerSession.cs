using Portal.Data.Entities;

namespace Portal.Features.CommunityReview.Public;

/// <summary>One reviewer's view of their panel: its items in order (by id) and their own judgements so far.</summary>
public sealed record ReviewerSession(
    LinkState State,
    long InvitationId = 0,
    long PanelId = 0,
    string PanelName = "",
    IReadOnlyList<long>? ItemIds = null,
    IReadOnlyDictionary<long, ReviewVerdict>? Judged = null)
{
    public IReadOnlyList<long> Items => ItemIds ?? [];

    public IReadOnlyDictionary<long, ReviewVerdict> Judgements => Judged ?? new Dictionary<long, ReviewVerdict>();

    /// <summary>1-based position of the first item not judged yet, or null when every item is judged.</summary>
    public int? FirstOpen => NextOpenAfter(Items.Count);

    /// <summary>1-based position of an item of the panel; null when it is not the panel's.</summary>
    public int? PositionOf(long itemId)
    {
        for (var i = 0; i < Items.Count; i++)
            if (Items[i] == itemId) return i + 1;
        return null;
    }

    /// <summary>The first unjudged item after <paramref name="position"/> (1-based), wrapping round; null when all are judged.</summary>
    public int? NextOpenAfter(int position)
    {
        for (var step = 1; step <= Items.Count; step++)
        {
            var at = (position - 1 + step) % Items.Count;
            if (!Judgements.ContainsKey(Items[at])) return at + 1;
        }
        return null;
    }
}
