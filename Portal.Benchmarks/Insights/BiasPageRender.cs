using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Features.Insights.Bias;
using Portal.Features.Insights.Drift;

namespace Portal.Benchmarks.Insights;

/// <summary>
/// The bias page's components rendered to HTML on the server (flags, the four charts with their SVG, the tables), as
/// the first render of the page produces them: the part of the server's work that comes after the queries.
/// </summary>
public sealed class BiasPageRender(IServiceProvider services) : IAsyncDisposable
{
    private readonly HtmlRenderer renderer = new(services, services.GetRequiredService<ILoggerFactory>());

    public async Task<int> RenderAsync(BiasReport report, IReadOnlyList<FeatureDrift> drift, AnalysisWindow window)
    {
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var length = 0;
            length += await RenderAsync<BiasFlags>(new() { [nameof(BiasFlags.Report)] = report });
            length += await RenderAsync<MetricChart>(new() { [nameof(MetricChart.Report)] = report });
            length += await RenderAsync<ActionShareChart>(new() { [nameof(ActionShareChart.Report)] = report });
            length += await RenderAsync<DisparityTable>(new() { [nameof(DisparityTable.Report)] = report });
            length += await RenderAsync<ImportanceChart>(new() { [nameof(ImportanceChart.Report)] = report });
            length += await RenderAsync<TrendChart>(new() { [nameof(TrendChart.Report)] = report });
            length += await RenderAsync<DriftTable>(new() { [nameof(DriftTable.Drift)] = drift, [nameof(DriftTable.Window)] = window });
            return length;
        });
    }

    private async Task<int> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString().Length;

    public ValueTask DisposeAsync() => renderer.DisposeAsync();
}
