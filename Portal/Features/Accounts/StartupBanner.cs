using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Portal.Features.Accounts;

/// <summary>Once the server listens, prints where to log in.</summary>
public sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, IOptions<AdminOptions> admin) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null) return;
            Console.WriteLine($"Portal is running. Log in at {address.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost")}/Account/Login as {admin.Value.Email}");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
