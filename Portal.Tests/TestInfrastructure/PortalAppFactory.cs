using Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability.GoLive;
using Portal.Features.Loops;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// The whole Portal on a private data folder: demo loop with a known key, known administrator, no simulated
/// traffic unless a test asks for it. Disposing it deletes the folder.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string DemoKey = "test-demo-key-0123456789";
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "admin-password-for-tests";
    public const string UserPassword = "user-password-for-tests";

    public PortalAppFactory() => ClientOptions.BaseAddress = new Uri("https://localhost");

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The private data folder; a subclass may point a second start at an earlier one.</summary>
    public virtual string DataDirectory => dataDirectory;

    /// <summary>Set before disposing to keep the data folder for a restart on it.</summary>
    public bool KeepDataDirectory { get; set; }

    /// <summary>Settings a test class adds or overrides (e.g. the simulator), applied over appsettings.json.</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework does not map static web assets (blazor.web.js, MudBlazor's files) to
        // their build locations; the browser tests need them.
        builder.UseStaticWebAssets();
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        builder.ConfigureAppConfiguration(configuration =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Portal:DataDirectory"] = DataDirectory,
                ["Portal:Admin:Email"] = AdminEmail,
                ["Portal:Admin:Password"] = AdminPassword,
                ["Portal:DemoLoop:ApiKey"] = DemoKey,
                ["Portal:DemoLoop:RewardWaitTime"] = "00:00:01",
                ["Portal:Simulator:Enabled"] = "false",
                ["Portal:Training:Interval"] = "00:00:00.200",
                // Tests log in many times from one address; the limit itself is tested with its own factory.
                ["Portal:RateLimits:LoginPostsPerMinute"] = "10000",
                ["Portal:RateLimits:FeedbackPostsPerMinute"] = "100000",
                ["Portal:RateLimits:FeedbackPostsPerMinuteGlobal"] = "1000000",
            };
            foreach (var (key, value) in ExtraSettings) settings[key] = value;
            configuration.AddInMemoryCollection(settings);
        });
    }

    /// <summary>Creates a confirmed user with the given roles (the password is <see cref="UserPassword"/>).</summary>
    public async Task<string> CreateUserAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is { } existing) return existing.Id;
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, UserPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
        return user.Id;
    }

    /// <summary>Makes sure a user with this id exists (component tests sign in as "&lt;role&gt;-id").</summary>
    public async Task EnsureUserWithIdAsync(string id, string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(id) is not null) return;
        var created = await users.CreateAsync(new ApplicationUser { Id = id, UserName = email, Email = email, EmailConfirmed = true }, UserPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>The compliance reviewer who records test loops' go-live reviews.</summary>
    public static readonly Actor GoLiveReviewer = TestActors.Person("golive-reviewer-id", "golive-reviewer@test.local", PortalRoles.ComplianceReviewer);

    /// <summary>
    /// A loop of its own for one test, and an API client holding its key. A new loop serves only the baseline until its
    /// go-live review is recorded: this records one (as <see cref="GoLiveReviewer"/>, through the product's service),
    /// unless <paramref name="goLiveReview"/> is false, so that the model serves as most tests expect.
    /// </summary>
    public async Task<(string Id, HttpClient Api)> CreateLoopAsync(LoopSettings? settings = null, bool goLiveReview = true)
    {
        var id = "test-" + Guid.NewGuid().ToString("N")[..12];
        var created = await Services.GetRequiredService<LoopProvisioning>()
            .CreateAsync(id, "Test loop", settings ?? LoopSettings.Default, apiKey: null, Actor.System, CancellationToken.None);
        if (created.Error is not null) throw new InvalidOperationException(created.Error);
        if (goLiveReview) await RecordGoLiveReviewAsync(id);
        return (id, CreateApiClient(created.ApiKey));
    }

    /// <summary>Records a complete go-live review of the loop, as a compliance reviewer would.</summary>
    public async Task RecordGoLiveReviewAsync(string loopId)
    {
        var checklist = new GoLiveChecklist
        {
            LegalReviewDone = true, LegalReference = "TEST-LEGAL-1", SensitiveFeaturesChecked = true, OptOutWired = true,
            Note = "Recorded by the test fixture (no data-handling statement is needed for a test loop).",
        };
        var outcome = await Services.GetRequiredService<GoLiveReviews>().RecordAsync(loopId, checklist, GoLiveReviewer, CancellationToken.None);
        if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Message);
    }

    /// <summary>Where API clients send requests: the test server, or the real address once Kestrel listens.</summary>
    public Uri ClientBaseAddress { get; set; } = new("https://localhost");

    /// <summary>
    /// A client that keeps cookies like a browser, over HTTPS: outside Development Portal's cookies are Secure, and a
    /// cookie jar sends a Secure cookie only over HTTPS.
    /// </summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientBaseAddress });

    public HttpClient CreateApiClient(string? key = DemoKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientBaseAddress });
        if (key is not null) client.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", key);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || KeepDataDirectory) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
