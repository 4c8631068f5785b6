namespace Portal.Features.CommunityReview.Panels;

/// <summary>What creating a panel came to: its id, or why nothing was stored (a sentence for the page).</summary>
public sealed record PanelCreation(long? PanelId, string? Problem)
{
    public static PanelCreation Refused(string problem) => new(null, problem);
}
