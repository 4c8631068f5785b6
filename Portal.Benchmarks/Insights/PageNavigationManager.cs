using Microsoft.AspNetCore.Components;

namespace Portal.Benchmarks.Insights;

/// <summary>The address of the page being rendered (components that link somewhere read it).</summary>
public sealed class PageNavigationManager : NavigationManager
{
    public PageNavigationManager() => Initialize("http://localhost/", "http://localhost/insights/bias");
}
