namespace Portal.Infrastructure.Web;

public static class ApiRoutes
{
    /// <summary>Machine-facing routes: JSON errors, never the HTML not-found page or a login redirect.</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/personalizer") || path.StartsWithSegments("/api") || path.StartsWithSegments("/health");
}
