namespace Portal.Infrastructure.Security;

/// <summary>Where <see cref="SecretKeys"/> keeps its keys: returns a name's key, creating it once for everyone when it has none.</summary>
public interface ISecretKeySource
{
    byte[] LoadOrCreate(string name);
}
