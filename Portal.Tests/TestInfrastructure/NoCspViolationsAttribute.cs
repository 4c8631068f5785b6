using System.Reflection;
using Xunit.Sdk;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Fails a browser test whose pages reported any Content-Security-Policy violation (see <see cref="CspViolations"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoCspViolationsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => CspViolations.Take();

    public override void After(MethodInfo methodUnderTest)
    {
        var violations = CspViolations.Take();
        if (violations.Count > 0)
            throw new XunitException($"{violations.Count} Content-Security-Policy violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
