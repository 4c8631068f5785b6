using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Benchmarks.Feedback;

/// <summary>
/// One end user's browser: its own cookies, the form opened once for its antiforgery token, then feedback posts as
/// the form sends them (multipart, every field), each with a different message so that each one opens a ticket.
/// </summary>
public sealed partial class FeedbackPostClient : IDisposable
{
    private static readonly string[] Categories = ["Irrelevant", "Offensive", "UnfairOrBiased", "PrivacyConcern", "WrongInformation", "Other"];
    private readonly HttpClient http;
    private readonly int number;
    private string token = "";
    private int sent;

    public FeedbackPostClient(Uri baseAddress, int number)
    {
        this.number = number;
        http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 1 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public async Task OpenFormAsync(CancellationToken ct) =>
        token = AntiforgeryField().Match(await http.GetStringAsync("feedback", ct)).Groups[1].Value;

    /// <summary>Posts once; returns the status (0 for a failed request), whether a reference came back, and the time taken.</summary>
    public async Task<(int Status, bool Received, double Milliseconds)> PostAsync(CancellationToken ct)
    {
        var i = sent++;
        using var body = new MultipartFormDataContent
        {
            { new StringContent("feedback"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Categories[(number + i) % Categories.Length]), "Input.Category" },
            { new StringContent($"Benchmark client {number}, post {i}: the suggestion I was shown did not fit what I was looking for, and it keeps coming back."), "Input.Message" },
            { new StringContent(""), "Input.ContactEmail" },
            { new StringContent(""), "Input.Website" },
        };
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync("feedback", body, ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            return ((int)response.StatusCode, html.Contains("data-testid=\"ticket-reference\"", StringComparison.Ordinal), watch.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return (0, false, watch.Elapsed.TotalMilliseconds);
        }
    }

    public void Dispose() => http.Dispose();
}
