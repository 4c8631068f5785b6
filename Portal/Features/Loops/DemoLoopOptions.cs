using Portal.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Loops;

/// <summary>The demo loop created on first start (<c>Portal:DemoLoop</c>), fed by the traffic simulator.</summary>
public sealed class DemoLoopOptions
{
    public const string Section = "Portal:DemoLoop";
    public const string LoopId = "demo";

    public bool Enabled { get; set; } = true;

    /// <summary>The demo loop's API key; when empty one is generated and printed once.</summary>
    [MinLengthUnlessEmpty(16, ErrorMessage = "Portal:DemoLoop:ApiKey must be at least 16 characters long.")]
    [MaxLength(ApiKeys.MaxLength, ErrorMessage = "Portal:DemoLoop:ApiKey must be at most 256 characters long.")]
    public string? ApiKey { get; set; }

    /// <summary>Short, so that the demo visibly learns within minutes (Personalizer's default is 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Portal:DemoLoop:RewardWaitTime must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan RewardWaitTime { get; set; } = TimeSpan.FromSeconds(5);
}
