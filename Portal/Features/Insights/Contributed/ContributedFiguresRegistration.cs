namespace Portal.Features.Insights.Contributed;

public static class ContributedFiguresRegistration
{
    /// <summary>Shows <typeparamref name="T"/> on the bias page or in the compliance report, by its base class, in registration order.</summary>
    public static IServiceCollection AddInsightsFigures<T>(this IServiceCollection services) where T : Microsoft.AspNetCore.Components.IComponent
    {
        if (!typeof(T).IsAssignableTo(typeof(BiasPageFigures)) && !typeof(T).IsAssignableTo(typeof(ReportFigures)))
            throw new ArgumentException($"{typeof(T).Name} must derive from {nameof(BiasPageFigures)} or {nameof(ReportFigures)}.");
        return services.AddSingleton(new ContributedFigures(typeof(T)));
    }
}
