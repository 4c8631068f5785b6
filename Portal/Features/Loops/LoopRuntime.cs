using System.Collections.Frozen;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;

namespace Portal.Features.Loops;

/// <summary>
/// What Rank needs to know about a loop, as one immutable snapshot (replaced whole on any change).
/// <paramref name="AuditOnlyFeatures"/>: context feature paths kept in the log for bias analysis but removed before
/// the learner sees them, in Rank and in training.
/// </summary>
public sealed record LoopRuntime(string Id, string Name, LoopSettings Settings, string PolicyName, LearnerPolicy Policy, ModelSlot Model,
    FrozenSet<string> AuditOnlyFeatures);
