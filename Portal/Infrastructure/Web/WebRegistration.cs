using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Portal.Components;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.Headers;
using Scalar.AspNetCore;

namespace Portal.Infrastructure.Web;

public static class WebRegistration
{
    /// <summary>Blazor Server with MudBlazor, OpenAPI, error handling.</summary>
    public static IHostApplicationBuilder AddPortalWeb(this IHostApplicationBuilder builder)
    {
        // Serve blazor.web.js and MudBlazor's files from their build locations in any environment, so a Release build
        // run from its output folder works too (a published app has them in wwwroot and ignores this).
        if (builder is WebApplicationBuilder web) web.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddOpenApi(options => options.AddJsonRequestBodies());
        builder.Services.AddExceptionHandler<StorageFaultHandler>();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.AddPublicFormRateLimiting();
        builder.AddSecurityHeaders();
        return builder;
    }

    /// <summary>The request pipeline shared by the portal, the public pages and the APIs.</summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders(exemptApiBrowser: app.Environment.IsDevelopment());
        app.UseHubOriginCheck();
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        if (app.Environment.IsDevelopment()) app.UseMigrationsEndPoint();
        else app.UseHsts();
        // Empty error responses of pages show the not-found page; API routes keep their JSON bodies. The re-execution
        // must be registered on the app itself (inside a UseWhen branch it has no routing and answers an empty 404).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((http, next) =>
        {
            if (ApiRoutes.IsApi(http.Request.Path) && http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return next(http);
        });
        app.UseRateLimiter();
        // Machine APIs that name their own scheme skip the portal cookie (see OwnSchemeAuthentication); pages read it as before.
        OwnSchemeAuthentication.UseAuthenticationExceptOwnScheme(app);
        app.UseAuthorization();
        app.UsePublicFormBodyLimit();
        app.UseAntiforgery();
        app.UsePublicFormForgeryAnswer();
        return app;
    }

    public static WebApplication MapPortalWeb(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapOpenApi();
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportJson.WriteAsync });
        return app;
    }
}
