namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>At start-up, after the key files were moved in: every declared secret key loaded or created (<see cref="SecretKeyRegistration"/>).</summary>
public sealed class SecretKeyPreload(SecretKeys secrets, IEnumerable<SecretKeyName> names) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in names) secrets.Get(name.Name);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
