using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Dashboard;

/// <summary>The dashboard's test classes share one test app (one start-up less); they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<PortalAppFactory>
{
    public const string Name = "Dashboard";
}
