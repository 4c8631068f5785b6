using Microsoft.AspNetCore.Components;

namespace Portal.Features.Insights.Contributed;

/// <summary>
/// Figures another feature shows on the bias page beside Insights' own, for the loop chosen there (e.g. the community
/// review panel's judgements). Registered with <see cref="ContributedFiguresRegistration.AddInsightsFigures{T}"/>, so
/// the feature uses Insights and Insights never names the feature.
/// </summary>
public abstract class BiasPageFigures : ComponentBase
{
    [Parameter, EditorRequired] public string LoopId { get; set; } = "";

    /// <summary>The page's window, so figures about a period can keep to it; null when the page has none yet.</summary>
    [Parameter] public Bias.AnalysisWindow? Window { get; set; }
}
