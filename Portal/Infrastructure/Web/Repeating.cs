namespace Portal.Infrastructure.Web;

/// <summary>A component's periodic refresh: a step every interval while it says there is more to follow.</summary>
public static class Repeating
{
    /// <summary>
    /// Runs <paramref name="step"/> every <paramref name="interval"/> until it returns false; ends quietly when
    /// <paramref name="leaving"/> is cancelled (the page was left or the circuit ended).
    /// </summary>
    public static async Task EveryAsync(TimeSpan interval, Func<Task<bool>> step, CancellationToken leaving)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(leaving) && await step())
            {
            }
        }
        catch (OperationCanceledException)
        {
            // The component is gone.
        }
    }
}
