using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Evaluation;

namespace Portal.Tests.Features.Evaluation.Runs;

/// <summary>The whole Portal with the scripted evaluation engine, whatever engine the product registers.</summary>
public sealed class EvaluationAppFactory : Portal.Tests.TestInfrastructure.PortalAppFactory
{
    public ScriptedPolicyEvaluator Evaluator { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPolicyEvaluator>(Evaluator));
    }
}
