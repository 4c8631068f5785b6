using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Security;

/// <summary>The one judge of "may this actor do that", for services and for the buttons pages show.</summary>
public sealed class ActorAuthorizationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private ActorAuthorization Judge => factory.Services.GetRequiredService<ActorAuthorization>();

    [Theory]
    [InlineData(PortalRoles.Admin, PortalPolicies.Administer, true)]
    [InlineData(PortalRoles.ProductOwner, PortalPolicies.Oversee, true)]
    [InlineData(PortalRoles.ProductOwner, PortalPolicies.ApproveRules, false)]
    [InlineData(PortalRoles.ComplianceReviewer, PortalPolicies.FreezeActions, true)]
    [InlineData(PortalRoles.ComplianceReviewer, PortalPolicies.Oversee, false)]
    [InlineData(PortalRoles.ComplianceReviewer, PortalPolicies.ManageLoops, false)]
    public async Task A_person_holds_exactly_the_policies_of_their_roles(string role, string policy, bool allowed)
    {
        Assert.Equal(allowed, await Judge.AllowsAsync(TestActors.Person("p-id", "p@test.local", role), policy));
    }

    [Fact]
    public async Task An_actor_who_never_signed_in_holds_no_policy_even_with_an_admins_name()
    {
        Assert.False(await Judge.AllowsAsync(new Actor("admin-id", "admin@test.local"), PortalPolicies.PortalUser));
        Assert.False(await Judge.AllowsAsync(new Actor(null, "system"), PortalPolicies.Oversee));
    }

    [Fact]
    public async Task Portal_itself_passes_every_policy()
    {
        Assert.True(await Judge.AllowsAsync(Actor.System, PortalPolicies.Administer));
    }

    [Fact]
    public async Task A_loop_key_manages_its_own_loop_and_nothing_else()
    {
        var key = Actor.LoopKey("news");

        Assert.True(await Judge.AllowsAsync(key, PortalPolicies.ManageLoops, "news"));
        Assert.False(await Judge.AllowsAsync(key, PortalPolicies.ManageLoops, "sports"));
        Assert.False(await Judge.AllowsAsync(key, PortalPolicies.Oversee, "news"));
    }

    [Fact]
    public async Task A_refusal_names_the_actor_and_what_they_may_not_do()
    {
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Judge.DemandAsync(TestActors.Person("p-id", "paula@test.local", PortalRoles.ProductOwner), PortalPolicies.SignOffReports));

        Assert.Equal(PortalPolicies.SignOffReports, refused.Policy);
        Assert.Equal("paula@test.local is not allowed to sign off compliance reports.", refused.Message);
    }
}
