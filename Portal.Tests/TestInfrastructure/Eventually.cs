namespace Portal.Tests.TestInfrastructure;

/// <summary>Waits for background work (the trainer, the writer) to reach a state, failing after a generous limit.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not become true within {seconds} s.");
            await Task.Delay(50);
        }
    }

    /// <summary>As above, for a condition that has to ask the database or a service.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not become true within {seconds} s.");
            await Task.Delay(50);
        }
    }
}
