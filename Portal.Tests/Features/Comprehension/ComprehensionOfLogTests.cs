using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Comprehension;
using Portal.Features.Decisions.Log;
using Portal.Features.Privacy;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Decisions.Retention;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Comprehension;

/// <summary>Answers to "Was this explanation clear?" go with their decisions (retention, the log's deletion) and with their user's opt-out.</summary>
public sealed class ComprehensionOfLogTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_retention_purge_removes_the_answers_of_expired_decisions_keeps_the_others_and_counts_them_in_the_audit()
    {
        var data = new RetentionData(factory);
        var loopId = await data.LoopAsync(retentionDays: 30);
        var events = await data.DecisionsAsync(loopId, TimeSpan.FromDays(40), TimeSpan.FromDays(31), TimeSpan.FromDays(1));
        foreach (var eventId in events) await AnswerAsync(loopId, eventId, clear: true, "Clear enough");

        await data.Purge().PurgeLoopAsync(data.Loop(loopId), CancellationToken.None);

        var left = Assert.Single(await factory.ClarityAnswersAsync(loopId));
        Assert.Equal(events[2], left.EventId);
        Assert.Equal(2, (await data.AuditAsync(loopId)).Single().Removed[ComprehensionOfLog.Answers]);
    }

    [Fact]
    public async Task Opting_out_removes_that_users_answers_in_the_loop_and_the_question_is_no_longer_asked()
    {
        var loop = await factory.CreateLoopAsync();
        var other = await factory.CreateLoopAsync();
        var (first, firstToken) = await factory.DecisionAsync(loop, "leaving-reader");
        var (second, _) = await factory.DecisionAsync(loop, "leaving-reader");
        var (staying, _) = await factory.DecisionAsync(loop, "staying-reader");
        var (elsewhere, _) = await factory.DecisionAsync(other, "leaving-reader");
        foreach (var eventId in new[] { first, second, staying }) await AnswerAsync(loop.Id, eventId, clear: false, "Unclear");
        await AnswerAsync(other.Id, elsewhere, clear: true, null);

        await Service<OptOutRegistry>().OptOutAsync(loop.Id, "leaving-reader", OptOutSource.Page, Actor.EndUser, CancellationToken.None);

        Assert.Equal([staying], (await factory.ClarityAnswersAsync(loop.Id)).Select(a => a.EventId));
        Assert.Equal([elsewhere], (await factory.ClarityAnswersAsync(other.Id)).Select(a => a.EventId));
        Assert.False((await Service<ComprehensionAnswers>().SubjectAsync(firstToken, CancellationToken.None))!.Asked);
        var refused = await factory.Browser("198.51.100.20").AnswerAsync(firstToken, "yes", tokenFrom: "/feedback");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("data-testid=\"clarity-unavailable\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal([staying], (await factory.ClarityAnswersAsync(loop.Id)).Select(a => a.EventId));
    }

    [Fact]
    public async Task A_decision_made_for_an_opted_out_user_is_not_asked_about()
    {
        var loop = await factory.CreateLoopAsync();
        await Service<OptOutRegistry>().OptOutAsync(loop.Id, "opted-out-reader", OptOutSource.Page, Actor.EndUser, CancellationToken.None);
        var (_, token) = await factory.DecisionAsync(loop, "opted-out-reader");

        var page = await factory.Browser("198.51.100.21").GetStringAsync("/why/" + token);

        Assert.Contains("data-testid=\"clarity-unavailable\"", page);
        Assert.DoesNotContain("data-testid=\"clarity-form\"", page);
    }

    [Fact]
    public async Task Deleting_the_loops_log_deletes_its_answers()
    {
        var loop = await factory.CreateLoopAsync();
        var (eventId, _) = await factory.DecisionAsync(loop, null);
        await AnswerAsync(loop.Id, eventId, clear: true, "Fine");

        await Service<LoopLogDeletion>().DeleteAsync(loop.Id, TestActors.Person(null, "admin", PortalRoles.Admin), CancellationToken.None);

        Assert.Empty(await factory.ClarityAnswersAsync(loop.Id));
    }

    private async Task AnswerAsync(string loopId, string eventId, bool clear, string? comment)
    {
        var token = Service<DecisionLinkTokens>().Create(loopId, eventId, DateTimeOffset.UtcNow.AddDays(1));
        var answers = Service<ComprehensionAnswers>();
        var subject = await answers.SubjectAsync(token, CancellationToken.None);
        await answers.RecordAsync(subject!, new AnswerForm(clear ? AnswerForm.Yes : AnswerForm.No, comment), CancellationToken.None);
    }
}
