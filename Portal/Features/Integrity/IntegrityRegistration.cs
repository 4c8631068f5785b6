namespace Portal.Features.Integrity;

public static class IntegrityRegistration
{
    /// <summary>Defence against manipulation of learning: quarantined windows and rolling the model back.</summary>
    public static IHostApplicationBuilder AddIntegrity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QuarantineService>();
        builder.Services.AddSingleton<ModelHistory>();
        return builder;
    }
}
