using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Components.Layout;

namespace Portal.Infrastructure.Web;

/// <summary>
/// A friendly HTML page for answers given before a public page runs (too many posts, a body too large), in the public
/// pages' layout. Rendered from <see cref="PublicMessageDocument"/>, so the text is HTML-encoded like any component.
/// </summary>
public static class PublicMessageResponse
{
    public static async Task WriteAsync(HttpContext http, int status, string title, string message, CancellationToken ct)
    {
        var html = await RenderAsync(http.RequestServices, title, message);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(html, ct);
    }

    public static async Task<string> RenderAsync(IServiceProvider services, string title, string message)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PublicMessageDocument.Title)] = title,
                [nameof(PublicMessageDocument.Message)] = message,
            });
            var output = await renderer.RenderComponentAsync<PublicMessageDocument>(parameters);
            return output.ToHtmlString();
        });
    }
}
