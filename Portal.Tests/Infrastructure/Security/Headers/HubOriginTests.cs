using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Security.Headers;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security.Headers;

/// <summary>
/// The Blazor hub answers pages of Portal's own origin (and of listed ones) only: negotiate through the test server,
/// the WebSocket upgrade over a real socket on Kestrel.
/// </summary>
public sealed class HubOriginTests(HubOriginTests.KestrelPortal portal) : IClassFixture<HubOriginTests.KestrelPortal>
{
    private const string Listed = "https://portal.example.com";
    private const string Foreign = "https://evil.example.com";

    /// <summary>Portal on Kestrel (plain HTTP on a free loopback port), with one extra allowed origin.</summary>
    public sealed class KestrelPortal : PortalAppFactory
    {
        public KestrelPortal()
        {
            UseKestrel(0);
            StartServer();
            Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        }

        /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234.</summary>
        public Uri Address { get; }

        public string Origin => Address.GetLeftPart(UriPartial.Authority);

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:SecurityHeaders:AllowedOrigins:0"] = Listed,
        };
    }

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("own", HttpStatusCode.OK)]
    [InlineData("HTTP://127.0.0.1:{port}", HttpStatusCode.OK)]
    [InlineData(Listed, HttpStatusCode.OK)]
    [InlineData(Foreign, HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("https://127.0.0.1:{port}", HttpStatusCode.Forbidden)]
    [InlineData("http://127.0.0.1:1", HttpStatusCode.Forbidden)]
    [InlineData("http://127.0.0.1.evil.example.com:{port}", HttpStatusCode.Forbidden)]
    public async Task Negotiate_answers_only_Portals_own_origin_listed_origins_and_clients_without_one(string? origin, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = portal.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null) request.Headers.Add("Origin", origin == "own" ? portal.Origin : origin.Replace("{port}", portal.Address.Port.ToString()));

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refusal_is_a_plain_403_not_the_not_found_page()
    {
        using var client = new HttpClient { BaseAddress = portal.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", Foreign);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Forbidden: requests to the Blazor hub", await response.Content.ReadAsStringAsync());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_WebSocket_upgrade_is_accepted_from_Portals_own_origin()
    {
        using var socket = Socket(portal.Origin);

        await socket.ConnectAsync(HubSocketAddress(), Timeout());

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Timeout());
    }

    [Fact]
    public async Task The_WebSocket_upgrade_is_refused_from_a_foreign_origin()
    {
        using var socket = Socket(Foreign);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(HubSocketAddress(), Timeout()));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData("https://portal.example.com", true)]
    [InlineData("https://PORTAL.example.com:443/", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://portal.example.com/path", false)]
    [InlineData("https://user@portal.example.com", false)]
    [InlineData("https://portal.example.com?x=1", false)]
    [InlineData("ftp://portal.example.com", false)]
    [InlineData("portal.example.com", false)]
    [InlineData("*", false)]
    public void An_allowed_origin_is_a_scheme_host_and_port_only(string text, bool valid) =>
        Assert.Equal(valid, HubOrigin.TryParse(text, out _));

    private Uri HubSocketAddress() => new UriBuilder(portal.Address) { Scheme = "ws", Path = "/_blazor" }.Uri;

    private static ClientWebSocket Socket(string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.CollectHttpResponseDetails = true;
        return socket;
    }

    /// <summary>A bound on each socket operation, so a hang fails the test instead of stalling the run.</summary>
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
