namespace Portal.Features.Accountability;

public static class AccountabilityRegistration
{
    /// <summary>Who answers for each loop, and the data-handling statement its users read.</summary>
    public static IHostApplicationBuilder AddAccountability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LoopOwners>();
        builder.Services.AddSingleton<DataHandlingStatements>();
        return builder;
    }
}
