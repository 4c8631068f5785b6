using Portal.Infrastructure.Configuration;

namespace Portal.Features.Evaluation.Runs;

public static class EvaluationRunsRegistration
{
    /// <summary>
    /// Stored evaluation runs: the queue and its background runner, the live progress board, the services behind the page
    /// and Personalizer's Evaluations API. The runner needs the <see cref="IPolicyEvaluator"/> that <c>AddEvaluation</c> registers.
    /// </summary>
    public static IHostApplicationBuilder AddEvaluationRuns(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<EvaluationRunOptions>(EvaluationRunOptions.Section);
        builder.Services.AddSingleton<EvaluationQueue>();
        builder.Services.AddSingleton<EvaluationCancellations>();
        builder.Services.AddSingleton<EvaluationProgressBoard>();
        builder.Services.AddSingleton<InterruptedRuns>();
        builder.Services.AddSingleton<NewEvaluationValidator>();
        builder.Services.AddSingleton<EvaluationRunService>();
        builder.Services.AddSingleton<EvaluationRunQueries>();
        builder.Services.AddSingleton<EvaluationPolicyApplier>();
        builder.Services.AddHostedService<EvaluationRunner>();
        return builder;
    }
}
