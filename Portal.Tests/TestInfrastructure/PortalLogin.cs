using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Logs in through the real login form, antiforgery token included, as a browser would.</summary>
public static partial class PortalLogin
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A client holding the login cookie; fails when the login does not succeed.</summary>
    public static async Task<HttpClient> LoginAsync(this PortalAppFactory factory, string email, string password)
    {
        var client = factory.CreateBrowserClient();
        var response = await client.PostLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Lockout") == true)
            throw new InvalidOperationException($"Login of {email} failed with {(int)response.StatusCode} {response.Headers.Location}.");
        return client;
    }

    /// <summary>Posts the login form once and returns the answer, whatever it is (the form read from <paramref name="formFrom"/> when given).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password, string path = "/Account/Login",
        HttpClient? formFrom = null)
    {
        var token = AntiforgeryField().Match(await (formFrom ?? client).GetStringAsync("/Account/Login")).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }
}
