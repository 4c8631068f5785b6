using Portal.Infrastructure.Security;
namespace Portal.Features.Audit;

public static class AuditRegistration
{
    /// <summary>The append-only, hash-chained audit log of every human change, its queries and its verification.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditChain>().AddSecretKey(AuditChain.KeyName);
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<ServingChanges>();
        builder.Services.AddSingleton<AuditVerifier>();
        builder.Services.AddSingleton<AuditQueries>();
        builder.Services.AddSingleton<AuditCsv>();
        builder.Services.AddSingleton<AuditExports>();
        return builder;
    }
}
