using Portal.Features.Evaluation.Logs;

namespace Portal.Features.Evaluation;

public static class EvaluationRegistration
{
    /// <summary>Offline (counterfactual) evaluation: the log reader and the evaluator; the estimators are plain values built per run.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EvaluationLogReader>();
        builder.Services.AddSingleton<EvaluationWindowCounter>();
        builder.Services.AddSingleton<IPolicyEvaluator, PolicyEvaluator>();
        return builder;
    }
}
