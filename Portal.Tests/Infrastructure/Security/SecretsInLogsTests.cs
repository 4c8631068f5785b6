using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accounts.Tokens;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Infrastructure.Security;

/// <summary>
/// A whole first run with every log message captured (all providers see the same messages): no password, key, token,
/// link secret, cookie or antiforgery value reaches a log. The first administrator's password and the demo key are
/// written to the console once by design (Console, not ILogger): the test reads them there.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class SecretsInLogsTests : IDisposable
{
    private const string WrongPassword = "a-wrong-password-typed-by-someone";
    private const string WrongKey = "ptl_a-wrong-key-sent-by-a-client-0000";
    private readonly CapturedLogs logs = new();
    private readonly StringWriter console = new();
    private readonly TextWriter originalConsole = Console.Out;
    private readonly ITestOutputHelper output;
    private FirstRun app = default!;
    private readonly List<(string Kind, string Value)> secrets = [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PrintedPassword();

    [GeneratedRegex(@"shown only once\):\s+(\S+)")]
    private static partial Regex PrintedKey();

    /// <summary>A first start: no configured password or demo key, so both are generated and printed.</summary>
    private sealed class FirstRun(CapturedLogs logs, LogLevel level) : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:Admin:Password"] = "",
            ["Portal:DemoLoop:ApiKey"] = "",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Captured at the shipped levels of appsettings.json, or lower for every category when a test asks.
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(logs);
                if (level != LogLevel.None) logging.AddFilter<CapturedLogs>(null, level);
            });
        }
    }

    public SecretsInLogsTests(ITestOutputHelper output)
    {
        this.output = output;
        Console.SetOut(console);
    }

    [Fact]
    public async Task A_first_run_with_logins_decisions_links_feedback_opt_out_and_tokens_logs_no_secret()
    {
        await RunAsync(LogLevel.None);

        Assert.True(logs.Entries.Count > 5, "nothing was captured");
        var leaks = Leaks();
        foreach (var (kind, entry) in leaks) output.WriteLine($"{kind}: {entry}");
        Assert.Empty(leaks);
    }

    /// <summary>ASP.NET Core's categories that write a request's address: "Request starting …" (Information), routing (Debug).</summary>
    private static readonly string[] RequestAddressCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing.Matching.DfaMatcher",
        "Microsoft.AspNetCore.Components.Routing.Router",
    ];

    /// <summary>
    /// With every category at Trace, only the link secrets (why, opt-out, ticket status) appear, and only inside the
    /// request addresses that ASP.NET Core writes: the shipped settings keep Microsoft.AspNetCore at Warning, and the
    /// README says not to lower it in production.
    /// </summary>
    [Fact]
    public async Task Even_at_trace_level_only_link_secrets_appear_and_only_in_logged_request_addresses()
    {
        await RunAsync(LogLevel.Trace);

        var leaks = Leaks();
        foreach (var (kind, entry) in leaks) output.WriteLine($"{kind}: {entry.Level} {entry.Category}");
        Assert.All(leaks, leak =>
        {
            Assert.Contains(leak.Kind, new[] { "Why token", "ticket status token" });
            Assert.Contains(leak.Entry.Category, RequestAddressCategories);
        });
    }

    private async Task RunAsync(LogLevel level)
    {
        app = new FirstRun(logs, level);
        using var _ = app.CreateClient();
        // Printed once, by design, straight to the console (Console.WriteLine): no log provider receives them. Read under
        // the lock of the synchronized writer Console.SetOut put around it: the console logger writes from its own thread.
        string printed;
        lock (Console.Out) printed = console.ToString();
        var password = Secret("first administrator's password", PrintedPassword().Match(printed).Groups[1].Value);
        var demoKey = Secret("demo loop key", PrintedKey().Match(printed).Groups[1].Value);

        // A person: a wrong password, then the right one, pages, an API token of their own.
        var cookies = new CookieContainer();
        var browser = Browser(cookies);
        Assert.Equal(HttpStatusCode.OK, (await PostLoginAsync(browser, AntiforgeryTokens(await browser.GetStringAsync("/Account/Login")), WrongPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(browser, AntiforgeryTokens(await browser.GetStringAsync("/Account/Login")), password)).StatusCode);
        AntiforgeryTokens(await browser.GetStringAsync("/loops"));
        AntiforgeryTokens(await browser.GetStringAsync("/profile/api-tokens"));
        var admin = await app.ActorAsync(PortalAppFactory.AdminEmail);
        var token = Secret("API token", (await app.Services.GetRequiredService<ApiTokenService>().CreateAsync(admin, "log test", CancellationToken.None)).Token!);
        using var oversight = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        oversight.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await oversight.GetAsync("/api/v1/loops")).StatusCode);
        oversight.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WrongKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oversight.GetAsync("/api/v1/loops")).StatusCode);

        // An application: Rank and Reward with the demo key, a wrong key, a new loop's key.
        using var api = app.CreateApiClient(demoKey);
        var request = RankPayloads.Valid();
        request["contextFeatures"]![0]!["_userId"] = "reader-of-the-log-test";
        var rank = JsonNode.Parse(await (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(request))).Content.ReadAsStringAsync())!;
        var eventId = rank["eventId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/personalizer/v1.0/events/{eventId}/reward", RankPayloads.Json("""{"value": 1}"""))).StatusCode);
        using var wrong = app.CreateApiClient(WrongKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()))).StatusCode);
        var loop = await app.Services.GetRequiredService<LoopProvisioning>()
            .CreateAsync("log-test", "Log test", LoopSettings.Default, apiKey: null, Actor.System, CancellationToken.None);
        Secret("new loop's key", loop.ApiKey!);

        // An end user: the Why link, feedback from it (a status link), an opt-out.
        var whyUrl = new Uri(rank["whyUrl"]!.GetValue<string>());
        var why = Secret("Why token", whyUrl.AbsolutePath["/why/".Length..]);
        var visitorCookies = new CookieContainer();
        var visitor = Browser(visitorCookies);
        AntiforgeryTokens(await visitor.GetStringAsync(whyUrl.PathAndQuery));
        var feedback = await PostFeedbackAsync(visitor, why);
        var status = Secret("ticket status token", FeedbackForm.ReadReceipt(feedback).StatusToken);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/feedback/status/" + status)).StatusCode);
        var optOut = "/privacy/opt-out?d=" + Uri.EscapeDataString(why);
        var optOutForm = AntiforgeryTokens(await visitor.GetStringAsync(optOut));
        var optedOut = await visitor.PostAsync(optOut, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "opt-out",
            ["__RequestVerificationToken"] = optOutForm,
        }));
        Assert.Equal(HttpStatusCode.OK, optedOut.StatusCode);

        foreach (Cookie cookie in cookies.GetAllCookies().Concat(visitorCookies.GetAllCookies())) Secret("cookie " + cookie.Name, cookie.Value);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            foreach (var key in await db.SecretKeys.ToListAsync()) Secret("secret key " + key.Name, Convert.ToBase64String(key.Value));
        }
        Secret("wrong password", WrongPassword);
        Secret("wrong key", WrongKey);
        await app.DisposeAsync();
    }

    /// <summary>Every captured message or exception that holds a secret, as it is or URL-encoded.</summary>
    private List<(string Kind, CapturedLogs.Entry Entry)> Leaks() =>
        [.. from entry in logs.Entries
            from secret in secrets
            where Contains(entry, secret.Value) || Contains(entry, Uri.EscapeDataString(secret.Value)) || Contains(entry, WebUtility.HtmlEncode(secret.Value))
            select (secret.Kind, entry)];

    private static bool Contains(CapturedLogs.Entry entry, string value) =>
        entry.Message.Contains(value, StringComparison.Ordinal) || entry.Exception?.Contains(value, StringComparison.Ordinal) == true;

    private string Secret(string kind, string value)
    {
        Assert.False(string.IsNullOrEmpty(value), $"the run did not produce a {kind}");
        secrets.Add((kind, value));
        return value;
    }

    /// <summary>A browser-like client whose cookies the test can read afterwards.</summary>
    private HttpClient Browser(CookieContainer cookies) =>
        app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    private string AntiforgeryTokens(string html)
    {
        var tokens = AntiforgeryField().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        foreach (var token in tokens) Secret("antiforgery form token", token);
        return tokens.FirstOrDefault() ?? "";
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string token, string password) =>
        client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = PortalAppFactory.AdminEmail,
            ["Input.Password"] = password,
        }));

    private async Task<string> PostFeedbackAsync(HttpClient visitor, string decisionToken)
    {
        var path = "/feedback?d=" + Uri.EscapeDataString(decisionToken);
        var form = AntiforgeryTokens(await visitor.GetStringAsync(path));
        var body = new MultipartFormDataContent
        {
            { new StringContent("feedback"), "_handler" },
            { new StringContent("UnfairOrBiased"), "Input.Category" },
            { new StringContent("This suggestion was odd."), "Input.Message" },
            { new StringContent(""), "Input.ContactEmail" },
            { new StringContent(""), "Input.Website" },
            { new StringContent(decisionToken), "Input.DecisionToken" },
            { new StringContent(form), "__RequestVerificationToken" },
        };
        var answer = await visitor.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    public void Dispose()
    {
        Console.SetOut(originalConsole);
        app?.Dispose();
    }
}

/// <summary>Tests that replace Console.Out run alone, so no other test's output is swallowed or mixed in.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
