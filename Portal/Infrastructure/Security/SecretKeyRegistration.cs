namespace Portal.Infrastructure.Security;

/// <summary>A secret key a feature uses, declared so that it exists before the first write transaction needs it.</summary>
public sealed record SecretKeyName(string Name);

public static class SecretKeyRegistration
{
    /// <summary>
    /// Declares a key of <see cref="SecretKeys"/>: it is loaded (or created) at start-up, right after the migrations. A key
    /// first created inside a SQLite write transaction would wait for that transaction's own lock.
    /// </summary>
    public static IServiceCollection AddSecretKey(this IServiceCollection services, string name) => services.AddSingleton(new SecretKeyName(name));
}
