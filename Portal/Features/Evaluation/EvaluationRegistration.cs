using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation;

public static class EvaluationRegistration
{
    /// <summary>Offline (counterfactual) evaluation: the log reader; the estimators are plain values built per run.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EvaluationLogReader>();
        return builder;
    }
}
