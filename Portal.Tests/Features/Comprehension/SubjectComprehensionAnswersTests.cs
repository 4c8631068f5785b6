using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Comprehension;
using Portal.Features.Privacy.Requests;
using Portal.Tests.Features.Privacy.Requests;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Comprehension;

/// <summary>A data-subject request finds a person's answers to "Was this explanation clear?" and erases them; other people's stay.</summary>
public sealed class SubjectComprehensionAnswersTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task A_request_counts_the_persons_answers_and_erasing_removes_them_and_only_them()
    {
        var loop = await factory.CreateLoopAsync();
        var user = "subject-" + Guid.NewGuid().ToString("N")[..8];
        var (_, mine) = await factory.DecisionAsync(loop, user);
        var (theirsEvent, theirs) = await factory.DecisionAsync(loop, "someone-else");
        var browser = factory.Browser("198.51.100.60");
        await browser.AnswerAsync(mine, "no", "I am Jane and this was confusing.");
        await browser.AnswerAsync(theirs, "yes");

        Assert.Equal(1, (await factory.FindAsync(user)).CountOf(SubjectComprehensionAnswers.Kind));
        var result = await factory.Services.GetRequiredService<SubjectErasure>().EraseAsync(SubjectQuery.ByUserId(user), false, SubjectTestData.Admin, null, CancellationToken.None);

        Assert.Equal(1, result.Erased.Single(c => c.Kind == SubjectComprehensionAnswers.Kind).Count);
        Assert.Equal([theirsEvent], (await factory.ClarityAnswersAsync(loop.Id)).Select(a => a.EventId));
        Assert.Equal(0, (await factory.FindAsync(user)).CountOf(SubjectComprehensionAnswers.Kind));
    }
}
