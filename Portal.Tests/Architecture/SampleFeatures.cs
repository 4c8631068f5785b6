// Three made-up features in the test assembly, for FeatureDependencyTests to check the reader against: Caller uses
// Callee only through a relative name inside a lambda, Callee returns Third's type, and Callee calls Caller back.
namespace Portal.Features.SampleCaller
{
    public static class Caller
    {
        public static Func<int> Later() => () => SampleCallee.Callee.Answer();
    }
}

namespace Portal.Features.SampleCallee
{
    public static class Callee
    {
        public static int Answer()
        {
            var third = SampleThird.Third.Make();
            return third.Value + SampleCaller.Caller.Later().Method.Name.Length * 0;
        }
    }
}

namespace Portal.Features.SampleThird
{
    public sealed record Third(int Value)
    {
        public static Third Make() => new(42);
    }
}
