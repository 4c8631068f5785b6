using System.Collections.Immutable;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// Tells open pages that something they show has changed. Subscribers get a callback (pages pass
/// <c>() => InvokeAsync(...)</c>) and dispose the subscription when they close. Raising never waits for them and a
/// failing subscriber never reaches the raiser.
/// </summary>
public sealed class ChangeSignal(ILogger<ChangeSignal> logger)
{
    private ImmutableArray<Func<Task>> subscribers = [];

    public IDisposable Subscribe(Func<Task> onChange)
    {
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(onChange));
        return new Subscription(this, onChange);
    }

    public void Raise()
    {
        foreach (var subscriber in subscribers) _ = NotifyAsync(subscriber);
    }

    private async Task NotifyAsync(Func<Task> subscriber)
    {
        try
        {
            await subscriber();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "A page failed to refresh after a change");
        }
    }

    private sealed class Subscription(ChangeSignal signal, Func<Task> onChange) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref signal.subscribers, list => list.Remove(onChange));
    }
}
