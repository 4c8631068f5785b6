namespace Portal.Features.Accountability.GoLive;

/// <summary>
/// What keeps a loop without a go-live review on the baseline: the oversight control state that every Rank reads. Told
/// after each review recorded or withdrawn (once committed); returns when the next Rank obeys the change.
/// </summary>
public interface IGoLiveGate
{
    Task PublishAsync(CancellationToken ct);
}
