using Portal.Data.Entities;

namespace Portal.Features.Integrity.Detection;

/// <summary>
/// One value a detector measured in one window: e.g. the reward rate of one action in one segment, with the events
/// behind it and its sampling error within the window.
/// </summary>
public sealed record Measurement(FindingKind Kind, string CellKey, string Subject, double Value, int Sample, double StandardError,
    string? ActionId = null, ContextSegment? Segment = null, string? Source = null);

/// <summary>A past window's value of one cell, as the baseline and the evidence chart keep it.</summary>
public readonly record struct WindowPoint(DateTimeOffset From, DateTimeOffset To, double Value, int Sample, bool Flagged = false);
