namespace Portal.Features.Loops.Advice;

/// <summary>
/// Judges an apprentice loop's model against the baseline it serves. Owned here, where the loop page asks; implemented
/// by offline evaluation (which depends on loops, never the other way round).
/// </summary>
public interface IApprenticeAdvisor
{
    Task<ApprenticeAdvice> AdviseAsync(string loopId, CancellationToken ct);
}
