namespace Portal.Infrastructure.Cluster;

/// <summary>The configured Redis could not be reached at start-up; its message names the setting to check.</summary>
public sealed class RedisUnreachableException(string servers, Exception inner)
    : Exception($"Portal:Redis:Configuration: Redis cannot be reached ({servers}): {FirstLine(inner.GetBaseException().Message)}", inner)
{
    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
