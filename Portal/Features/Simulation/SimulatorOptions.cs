using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Simulation;

/// <summary>Built-in demo traffic for the demo loop (<c>Portal:Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Portal:Simulator";

    public bool Enabled { get; set; } = true;

    [Range(0.1, 10_000, ErrorMessage = "Portal:Simulator:DecisionsPerSecond must be between 0.1 and 10000.")]
    public double DecisionsPerSecond { get; set; } = 5;
}
