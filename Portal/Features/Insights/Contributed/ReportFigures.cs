using Microsoft.AspNetCore.Components;
using Portal.Features.Insights.Bias;

namespace Portal.Features.Insights.Contributed;

/// <summary>
/// A section another feature adds to the compliance report, for its loop and period. It renders inside the report's
/// self-contained document (plain HTML, the report's own styles) and should count only what happened in the period, so
/// the report of past days stays the document that was signed.
/// </summary>
public abstract class ReportFigures : ComponentBase
{
    [Parameter, EditorRequired] public string LoopId { get; set; } = "";
    [Parameter, EditorRequired] public AnalysisWindow Period { get; set; }
}
