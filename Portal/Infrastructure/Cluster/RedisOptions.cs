using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Portal.Infrastructure.Cluster;

/// <summary>
/// Redis for several Portal nodes (<c>Portal:Redis</c>). Empty <see cref="Configuration"/>: one node, nothing is
/// published and nothing needs Redis.
/// </summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string Section = "Portal:Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>redis1:6379,password=…</c>); empty: a single node.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Starts every key and channel, so that several deployments (or test runs) can share one Redis.</summary>
    [RegularExpression("^[a-z0-9-]{1,40}$", ErrorMessage = "Portal:Redis:Prefix must be 1 to 40 lowercase letters, digits or dashes.")]
    public string Prefix { get; set; } = "portal";

    /// <summary>How often each node compares the database's shared-state version with the one it holds (the safety net under lost messages).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Portal:Redis:StateCheckInterval must be between 0.1 second and 1 minute.")]
    public TimeSpan StateCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        string? problem = null;
        try
        {
            if (ConfigurationOptions.Parse(Configuration).EndPoints.Count == 0) problem = "it names no server";
        }
        catch (ArgumentException error)
        {
            problem = error.Message;
        }
        if (problem is not null) yield return new ValidationResult($"Portal:Redis:Configuration is not a Redis configuration string: {problem}.");
    }
}
