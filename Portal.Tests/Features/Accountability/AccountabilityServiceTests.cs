using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accountability;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accountability;

/// <summary>Recording a loop's owner and publishing its statement: validation, versions, audit and roles.</summary>
public sealed class AccountabilityServiceTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Owner = TestActors.Person("po-id", "po@test.local", PortalRoles.ProductOwner);
    private static readonly Actor Reviewer = TestActors.Person("cr-id", "cr@test.local", PortalRoles.ComplianceReviewer);

    private LoopOwners Owners => factory.Services.GetRequiredService<LoopOwners>();
    private DataHandlingStatements Statements => factory.Services.GetRequiredService<DataHandlingStatements>();

    private static LoopOwnerForm Form(string name = "Growth team", string contact = "growth@example.org") =>
        new() { OwnerName = name, OwnerContact = contact, Purpose = "Chooses the home page article for each visitor.", AffectsImportantChoices = true };

    [Fact]
    public async Task An_owner_is_recorded_changed_and_audited_with_the_state_before_and_after()
    {
        var (loopId, _) = await factory.CreateLoopAsync();

        Assert.True(await Owners.SaveAsync(loopId, Form(), Owner, CancellationToken.None));
        Assert.True(await Owners.SaveAsync(loopId, Form(name: "  Editorial team  "), Reviewer, CancellationToken.None));

        var owner = await Owners.FindAsync(loopId, CancellationToken.None);
        Assert.Equal("Editorial team", owner!.OwnerName);
        Assert.True(owner.AffectsImportantChoices);
        Assert.Equal("cr@test.local", owner.UpdatedByName);
        var audit = await AuditAsync(loopId, LoopOwners.AuditAction);
        Assert.Equal(2, audit.Count);
        Assert.Null(audit[0].Before);
        Assert.Contains("Growth team", audit[1].Before);
        Assert.Contains("Editorial team", audit[1].After);
    }

    [Theory]
    [InlineData("", "growth@example.org")]
    [InlineData("   ", "growth@example.org")]
    [InlineData("Growth team", "")]
    public async Task An_empty_owner_or_contact_is_refused_and_nothing_is_stored(string name, string contact)
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var form = Form(name, contact);

        Assert.False(form.IsValid);
        await Assert.ThrowsAsync<ArgumentException>(() => Owners.SaveAsync(loopId, form, Owner, CancellationToken.None));

        Assert.Null(await Owners.FindAsync(loopId, CancellationToken.None));
        Assert.Empty(await AuditAsync(loopId, LoopOwners.AuditAction));
    }

    [Fact]
    public async Task Statements_are_versioned_and_older_versions_are_kept_as_published()
    {
        var (loopId, _) = await factory.CreateLoopAsync();

        await Statements.PublishAsync(loopId, "We use your device type.", Owner, CancellationToken.None);
        var second = await Statements.PublishAsync(loopId, "We use your device type and country.", Reviewer, CancellationToken.None);

        var versions = await Statements.VersionsAsync(loopId, CancellationToken.None);
        Assert.Equal(2, second!.Version);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("We use your device type.", versions[1].Text);
        Assert.Equal("We use your device type and country.", (await Statements.CurrentAsync(loopId, CancellationToken.None))!.Text);
        Assert.Equal(2, (await AuditAsync(loopId, DataHandlingStatements.AuditAction)).Count);
    }

    [Fact]
    public async Task A_statement_over_20000_characters_or_empty_is_refused_and_nothing_is_stored()
    {
        var (loopId, _) = await factory.CreateLoopAsync();

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() =>
            Statements.PublishAsync(loopId, new string('a', DataHandlingStatements.MaxLength + 1), Owner, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Statements.PublishAsync(loopId, "  ", Owner, CancellationToken.None));

        Assert.Contains("20,000", tooLong.Message);
        Assert.Empty(await Statements.VersionsAsync(loopId, CancellationToken.None));
        Assert.Empty(await AuditAsync(loopId, DataHandlingStatements.AuditAction));
    }

    [Fact]
    public async Task End_users_and_loop_keys_may_not_record_accountability_and_an_unknown_loop_changes_nothing()
    {
        var admin = TestActors.Person("ad-id", "ad@test.local", PortalRoles.Admin);

        Assert.False(await Owners.SaveAsync("no-such-loop", Form(), admin, CancellationToken.None));
        Assert.Null(await Statements.PublishAsync("no-such-loop", "text", admin, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Owners.SaveAsync("demo", Form(), Actor.EndUser, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.PublishAsync("demo", "text", Actor.LoopKey("demo"), CancellationToken.None));
    }

    private async Task<List<Portal.Data.Entities.AuditEntry>> AuditAsync(string loopId, string action)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.LoopId == loopId && e.Action == action).OrderBy(e => e.Seq).ToListAsync();
    }
}
