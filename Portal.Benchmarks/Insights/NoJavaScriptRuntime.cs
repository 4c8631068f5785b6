using Microsoft.JSInterop;

namespace Portal.Benchmarks.Insights;

/// <summary>
/// The JavaScript runtime of a server-side first render: there is none yet, as while Blazor prerenders a page (a call
/// fails). Components only inject it; they call it after rendering, which the HTML renderer never reaches.
/// </summary>
public sealed class NoJavaScriptRuntime : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        throw new InvalidOperationException("No JavaScript while rendering to HTML on the server.");

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        throw new InvalidOperationException("No JavaScript while rendering to HTML on the server.");
}
