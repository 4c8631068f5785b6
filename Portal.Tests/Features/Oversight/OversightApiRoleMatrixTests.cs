using System.Net;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight;

/// <summary>Every oversight API endpoint × no token and each role: 401 without a token, 403 exactly for the roles it refuses.</summary>
public sealed class OversightApiRoleMatrixTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string NoToken = "no token";

    private static readonly (string Method, string Path, string? Body, string[] Allowed)[] Endpoints =
    [
        ("GET", "/api/v1/loops", null, [.. PortalRoles.All]),
        ("POST", "/api/v1/loops/demo/actions/none/freeze", """{"reason":"matrix"}""", [.. PortalRoles.All]),
        ("POST", "/api/v1/loops/demo/actions/none/unfreeze", """{"reason":"matrix"}""", [.. PortalRoles.All]),
        ("PUT", "/api/v1/loops/none/kill-switch", """{"on":true,"reason":"matrix"}""", [PortalRoles.Admin, PortalRoles.ProductOwner]),
        ("GET", "/api/v1/kill-switch", null, [.. PortalRoles.All]),
        ("PUT", "/api/v1/kill-switch", """{"reason":"matrix"}""", [PortalRoles.Admin, PortalRoles.ProductOwner]),
        ("PUT", "/api/v1/loops/none/mode", """{"mode":"online","reason":"matrix"}""", [PortalRoles.Admin, PortalRoles.ProductOwner]),
        ("GET", "/api/v1/rules", null, [.. PortalRoles.All]),
        ("GET", "/api/v1/rules/999999", null, [.. PortalRoles.All]),
        ("POST", "/api/v1/rules", """{"loopId":"none"}""", [PortalRoles.Admin, PortalRoles.ProductOwner]),
        ("POST", "/api/v1/rules/999999/approve", "{}", [PortalRoles.Admin, PortalRoles.ComplianceReviewer]),
        ("POST", "/api/v1/rules/999999/reject", """{"note":"matrix"}""", [PortalRoles.Admin, PortalRoles.ComplianceReviewer]),
        ("POST", "/api/v1/rules/999999/revoke", """{"reason":"matrix"}""", [.. PortalRoles.All]),
        ("POST", "/api/v1/loops/demo/decisions/none/flag", """{"note":"matrix"}""", [.. PortalRoles.All]),
        ("GET", "/api/v1/audit?take=1", null, [PortalRoles.Admin, PortalRoles.ComplianceReviewer]),
        ("GET", "/api/v1/audit/verify", null, [PortalRoles.Admin, PortalRoles.ComplianceReviewer]),
        ("GET", "/api/v1/loops/demo/go-live-review", null, [.. PortalRoles.All]),
        ("POST", "/api/v1/loops/none/go-live-review", "{}", [PortalRoles.Admin, PortalRoles.ComplianceReviewer]),
        ("POST", "/api/v1/loops/none/go-live-review/withdraw", """{"reason":"matrix"}""", [PortalRoles.Admin, PortalRoles.ComplianceReviewer]),
    ];

    /// <summary>One person (and token) per role for the whole matrix.</summary>
    private async Task<HttpClient> ClientOfAsync(string role)
    {
        lock (Tokens) if (Tokens.TryGetValue((factory, role), out var token)) return factory.BearerClient(token);
        var client = await factory.TokenClientAsync($"matrix-{role.ToLowerInvariant()}@test.local", role);
        lock (Tokens) Tokens[(factory, role)] = client.DefaultRequestHeaders.Authorization!.Parameter!;
        return client;
    }

    private static readonly Dictionary<(PortalAppFactory, string), string> Tokens = [];

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, _, _) in Endpoints)
        {
            data.Add(method, path, NoToken);
            foreach (var role in PortalRoles.All) data.Add(method, path, role);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_endpoint_admits_exactly_its_roles(string method, string path, string role)
    {
        var (_, _, body, allowed) = Endpoints.Single(e => e.Method == method && e.Path == path);
        var client = role == NoToken ? factory.CreateClient() : await ClientOfAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : RankPayloads.Json(body) };

        var response = await client.SendAsync(request);

        if (role == NoToken) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        else if (allowed.Contains(role)) Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500,
            $"{role} got {(int)response.StatusCode} from {method} {path}");
        else Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
