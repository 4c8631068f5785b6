namespace Portal.Data.Entities;

/// <summary>One learning problem: its key, its Personalizer service configuration and its learning policy.</summary>
public sealed class Loop
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the API key, hex. The key itself is shown once and never stored.</summary>
    public required string ApiKeyHash { get; set; }

    /// <summary>The key's last four characters, so people can tell keys apart.</summary>
    public required string ApiKeyHint { get; set; }

    public DateTimeOffset KeyCreatedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public LoopSettings Settings { get; set; } = LoopSettings.Default;

    public string PolicyName { get; set; } = "Portal default";
    public required string PolicyArguments { get; set; }
}
