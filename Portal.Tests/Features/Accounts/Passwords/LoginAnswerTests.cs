using System.Diagnostics;
using System.Net;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts.Passwords;

/// <summary>A login for an account that does not exist answers like a wrong password, in words and in time.</summary>
public sealed class LoginAnswerTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string UnknownEmail = "nobody-here@test.local";

    [Fact]
    public async Task An_unknown_account_gets_the_same_answer_as_a_wrong_password()
    {
        await factory.CreateUserAsync("known-answer@test.local");
        var client = factory.CreateBrowserClient();

        var known = await client.PostLoginAsync("known-answer@test.local", "wrong-password-but-long");
        var unknown = await client.PostLoginAsync(UnknownEmail, "wrong-password-but-long");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Contains("Invalid login attempt", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Invalid login attempt", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_account_takes_as_long_as_a_wrong_password()
    {
        await factory.CreateUserAsync("known-timing@test.local");
        var client = factory.CreateBrowserClient();
        await client.PostLoginAsync(UnknownEmail, "warm-up-password"); // the decoy hash is made once, on first use

        // Alternated, and the fastest of three of each (five wrong passwords would lock the known account): the least
        // disturbed answer of each kind, so that other work on a shared machine does not decide the comparison.
        var (known, unknown) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var i = 0; i < 3; i++)
        {
            known = Min(known, await TimeAsync(() => client.PostLoginAsync("known-timing@test.local", "wrong-password-but-long")));
            unknown = Min(unknown, await TimeAsync(() => client.PostLoginAsync(UnknownEmail, "wrong-password-but-long")));
        }

        // Without the decoy an unknown account answers in a few milliseconds against >100 ms for the hash (210,000
        // PBKDF2 iterations); the bound is loose because the machine is shared.
        Assert.True(unknown >= known * 0.6, $"unknown {unknown.TotalMilliseconds:F0} ms vs known {known.TotalMilliseconds:F0} ms");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>One login answer, the login page's token fetch included (each call opens the page first).</summary>
    private static async Task<TimeSpan> TimeAsync(Func<Task<HttpResponseMessage>> login)
    {
        var watch = Stopwatch.StartNew();
        (await login()).Dispose();
        return watch.Elapsed;
    }
}
