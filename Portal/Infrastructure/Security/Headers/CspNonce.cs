using System.Security.Cryptography;

namespace Portal.Infrastructure.Security.Headers;

/// <summary>
/// The per-response nonce that lets the page's one inline script (Blazor's import map) run under a CSP without
/// 'unsafe-inline'. Kept on the HttpContext rather than in a DI scope: the error and not-found pages are rendered in a
/// scope of their own, and their nonce must still match the header.
/// </summary>
public static class CspNonce
{
    private static readonly object Key = new();

    public static string For(HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var existing) && existing is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[Key] = nonce;
        return nonce;
    }
}
