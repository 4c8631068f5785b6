namespace Portal.Features.Privacy.Requests;

/// <summary>
/// A page's view of a request that runs off the circuit's thread: keeps the latest report and asks the page to render
/// (its <c>InvokeAsync(StateHasChanged)</c>) at most every <see cref="RenderEvery"/>, however often the request reports.
/// </summary>
public sealed class PageProgress(Func<Task> render, TimeProvider clock) : IProgress<RequestProgress>
{
    public static readonly TimeSpan RenderEvery = TimeSpan.FromMilliseconds(100);

    private RequestProgress? current;
    private long lastRender = long.MinValue;

    /// <summary>The latest report; null before the first.</summary>
    public RequestProgress? Current => Volatile.Read(ref current);

    public void Report(RequestProgress value)
    {
        Volatile.Write(ref current, value);
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref lastRender);
        if ((last != long.MinValue && clock.GetElapsedTime(last, now) < RenderEvery) || Interlocked.CompareExchange(ref lastRender, now, last) != last) return;
        // A render after the page is gone does not matter; it must not surface as an unobserved failure either.
        _ = render().ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
