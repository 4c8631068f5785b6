using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Oversight.Preview;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight.Pages;

/// <summary>A product owner's components whose reward previews answer when the test says so (<see cref="ControlledPreviewer"/>).</summary>
public abstract class DialogPreviewTestBase(PortalAppFactory app) : IAsyncLifetime
{
    /// <summary>The preview runs on the thread pool: on a loaded machine its answer can take seconds to arrive.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected PortalAppFactory App { get; } = app;

    protected BunitContext Context { get; } = ComponentTestContext.Create(app);

    protected ControlledPreviewer Previewer { get; } = new();

    public Task InitializeAsync()
    {
        Context.Services.AddSingleton<IChangePreviewer>(Previewer);
        Context.SignInAs(PortalRoles.ProductOwner);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
