using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accounts.Tokens;
using Portal.Infrastructure.Security;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Oversight API clients: a person with roles and a personal API token of theirs.</summary>
public static class ApiTokenClients
{
    public static async Task<HttpClient> TokenClientAsync(this PortalAppFactory factory, string email, params string[] roles)
    {
        var userId = await factory.CreateUserAsync(email, roles);
        var created = await factory.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(new Actor(userId, email), "tests", CancellationToken.None);
        return factory.BearerClient(created.Token ?? throw new InvalidOperationException(created.Error));
    }

    public static HttpClient BearerClient(this PortalAppFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<Actor> ActorAsync(this PortalAppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return new Actor(user!.Id, email);
    }
}
