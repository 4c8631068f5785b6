using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Fills in and posts the public feedback form as a browser does: antiforgery token, multipart body.</summary>
public static partial class FeedbackForm
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"ticket-reference\">(FB-[0-9A-Z]{6})<")]
    private static partial Regex ReferenceText();

    [GeneratedRegex("data-testid=\"status-link\">[^<]*?/feedback/status/([A-Za-z0-9_-]{43})<")]
    private static partial Regex StatusLinkText();

    /// <summary>A client with its own cookies, optionally playing one client address.</summary>
    public static HttpClient Browser(this PortalAppFactory factory, string? address = null)
    {
        var client = factory.CreateBrowserClient();
        if (address is not null) client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path = "/feedback") =>
        AntiforgeryField().Match(await client.GetStringAsync(path)).Groups[1].Value;

    /// <summary>Opens the form (for its token) and posts it with the given fields over the defaults.</summary>
    public static async Task<HttpResponseMessage> PostFeedbackAsync(this HttpClient client, string message,
        string category = "UnfairOrBiased", string? decisionLink = null, IDictionary<string, string>? extra = null, bool withToken = true)
    {
        var path = decisionLink is null ? "/feedback" : "/feedback?d=" + Uri.EscapeDataString(decisionLink);
        var token = await client.AntiforgeryTokenAsync(path);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "feedback",
            ["Input.Category"] = category,
            ["Input.Message"] = message,
            ["Input.ContactEmail"] = "",
            ["Input.Website"] = "",
        };
        if (withToken) fields["__RequestVerificationToken"] = token;
        if (decisionLink is not null) fields["Input.DecisionToken"] = decisionLink;
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) fields[key] = value;
        var body = new MultipartFormDataContent();
        foreach (var (key, value) in fields) body.Add(new StringContent(value), key);
        return await client.PostAsync(path, body);
    }

    /// <summary>The reference and the status-link secret shown on the confirmation page.</summary>
    public static (string Reference, string StatusToken) ReadReceipt(string html) =>
        (ReferenceText().Match(html).Groups[1].Value, StatusLinkText().Match(html).Groups[1].Value);
}
