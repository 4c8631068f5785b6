using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Previews;
using Portal.Features.Loops.Advice;
using Portal.Features.Oversight.Preview;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Evaluation;

public static class EvaluationRegistration
{
    /// <summary>Offline (counterfactual) evaluation: the log reader, the evaluator, the change previews and the apprentice advice; the estimators are plain values built per run.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EvaluationLogReader>();
        builder.Services.AddSingleton<EvaluationWindowCounter>();
        builder.AddValidatedOptions<EvaluationOptions>(EvaluationOptions.Section);
        builder.Services.AddSingleton<IPolicyEvaluator, PolicyEvaluator>();
        builder.Services.AddSingleton<RecentEvaluation>();
        builder.Services.AddSingleton<IChangePreviewer, ChangePreviewer>();
        builder.Services.AddSingleton<IApprenticeAdvisor, ApprenticeAdvisor>();
        return builder;
    }
}
