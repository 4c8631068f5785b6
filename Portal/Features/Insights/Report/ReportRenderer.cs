using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Portal.Features.Insights.Report;

/// <summary>Renders a <see cref="ComplianceReport"/> to one self-contained HTML document (styles inline, print stylesheet, no scripts).</summary>
public sealed class ReportRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<ReportDocument> RenderAsync(ComplianceReport report)
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ComplianceReportDocument>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ComplianceReportDocument.Report)] = report }));
            return output.ToHtmlString();
        });
        return new ReportDocument(report, html);
    }
}
