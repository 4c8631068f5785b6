using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Features.Accounts;
using Portal.Features.Accounts.Sessions;
using Portal.Features.Decisions.Log;
using Portal.Features.Decisions.Retention;
using Portal.Features.Feedback;
using Portal.Features.Insights;
using Portal.Features.Training;
using Portal.Features.Loops;
using Portal.Features.Privacy;
using Portal.Features.PublicPages;
using Portal.Features.Simulation;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.Headers;
using Portal.Infrastructure.Security.KeyRing;

namespace Portal.Tests.Infrastructure;

/// <summary>Each options class, bound and validated exactly as at start-up (ValidateOnStart), refuses a bad value by its key.</summary>
public sealed class StartupValidationTests
{
    public static TheoryData<string, string> BadSettings() => new()
    {
        { "Portal:Simulator:DecisionsPerSecond", "0" },
        { "Portal:Admin:Email", "not-an-email" },
        { "Portal:Admin:Password", "short" },
        { "Portal:DemoLoop:ApiKey", "short" },
        { "Portal:DemoLoop:RewardWaitTime", "00:00:00" },
        { "Portal:DecisionLog:MaxBatchSize", "0" },
        { "Portal:DecisionLog:QueueCapacity", "1" },
        { "Portal:LogRetention:PurgeInterval", "00:00:00" },
        { "Portal:LogRetention:BatchSize", "0" },
        { "Portal:LogRetention:MaxBusyShare", "0" },
        { "Portal:Training:Interval", "00:00:00" },
        { "Portal:Training:MaxBatchSize", "0" },
        { "Portal:Training:MaxBusyShare", "0" },
        { "Portal:DataDirectory", "" },
        { "Portal:RateLimits:LoginPostsPerMinute", "0" },
        { "Portal:RateLimits:FeedbackPostsPerMinute", "0" },
        { "Portal:RateLimits:FeedbackPostsPerMinuteGlobal", "0" },
        { "Portal:Feedback:RepeatWindow", "2.00:00:00" },
        { "Portal:Feedback:Sla:P1", "00:00:00" },
        { "Portal:Feedback:Sla:P4", "400.00:00:00" },
        { "Portal:Feedback:Sla:P2", "5.00:00:00" },
        { "Portal:Insights:DisparityThreshold", "1.5" },
        { "Portal:Insights:MinimumSample", "0" },
        { "Portal:Insights:DriftModerate", "0.3" },
        { "Portal:Insights:SensitiveFeatureNames:0", "date of birth" },
        { "Portal:Insights:AggregationInterval", "00:00:00" },
        { "Portal:Insights:MaxValuesPerFeature", "1" },
        { "Portal:PublicPages:BaseUrl", "ftp://example.com" },
        { "Portal:PublicPages:WhyLinkLifetime", "00:05:00" },
        { "Portal:PublicPages:ViewsPerMinutePerAddress", "0" },
        { "Portal:Privacy:UserIdFeature", "user.\"id\"" },
        { "Portal:Privacy:UserIdFeature", "user\\id" },
        { "Portal:Privacy:OptOutFeature", "a..b" },
        { "Portal:Privacy:OptOutPostsPerMinute", "0" },
        { "Portal:SecurityHeaders:HstsMaxAge", "30.00:00:00" },
        { "Portal:SecurityHeaders:AllowedOrigins:0", "https://portal.example.com/path" },
        { "Portal:SecurityHeaders:AllowedOrigins:0", "*" },
        { "Portal:DataProtection:CertificatePath", "/no/such/key-ring.pfx" },
        { "Portal:DataProtection:CertificatePassword", "a password without a certificate" },
        { "Portal:Sessions:IdleTimeout", "00:00:10" },
        { "Portal:Sessions:AbsoluteLifetime", "00:10:00" },
        { "Portal:Sessions:RevalidationInterval", "00:02:00" },
        { "Portal:Sessions:RevalidationInterval", "00:00:00" },
        { "Portal:Integrity:Detection:Threshold", "0.5" },
        { "Portal:Integrity:Detection:WindowDecisions", "10" },
        { "Portal:Integrity:Detection:MinimumBaselineWindows", "30" },
        { "Portal:Integrity:Detection:FastReward", "00:00:00" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_stops_the_start_with_a_message_naming_its_key(string key, string value)
    {
        using var host = HostWith(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        // A list item (Key:0) is named by its list.
        Assert.Contains(System.Text.RegularExpressions.Regex.Replace(key, ":[0-9]+$", ""), error.Message);
    }

    [Theory]
    [InlineData("", "Portal:Database:ConnectionString must be set when Portal:Database:Provider is Postgres.")]
    [InlineData("Host=127.0.0.1;Port=5432", "Portal:Database:ConnectionString is not a PostgreSQL connection string: it names no Database.")]
    [InlineData("Hots=127.0.0.1;Database=portal", "Portal:Database:ConnectionString is not a PostgreSQL connection string")]
    public void Postgres_without_a_usable_connection_string_stops_the_start_naming_the_setting(string connectionString, string expected)
    {
        using var host = HostWith("Portal:Database:Provider", "Postgres", ("Portal:Database:ConnectionString", connectionString));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_shipped_appsettings_json_is_valid()
    {
        using var host = HostWith(null, null);

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(5, host.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.DecisionsPerSecond);
        Assert.Equal(TimeSpan.FromHours(4), host.Services.GetRequiredService<IOptions<SlaOptions>>().Value.P1);
        Assert.Equal(5, host.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.FeedbackPostsPerMinute);
        var retention = host.Services.GetRequiredService<IOptions<LogRetentionOptions>>().Value;
        Assert.Equal((TimeSpan.FromHours(1), 5_000), (retention.PurgeInterval, retention.BatchSize));
    }

    private static IHost HostWith(string? key, string? value, params (string Key, string Value)[] more)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        if (key is not null) builder.Configuration.AddInMemoryCollection([new(key, value)]);
        foreach (var (k, v) in more) builder.Configuration.AddInMemoryCollection([new(k, v)]);
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        builder.AddValidatedOptions<Portal.Infrastructure.Cluster.RedisOptions>(Portal.Infrastructure.Cluster.RedisOptions.Section);
        builder.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        builder.AddValidatedOptions<DemoLoopOptions>(DemoLoopOptions.Section);
        builder.AddValidatedOptions<SimulatorOptions>(SimulatorOptions.Section);
        builder.AddValidatedOptions<DecisionLogOptions>(DecisionLogOptions.Section);
        builder.AddValidatedOptions<LogRetentionOptions>(LogRetentionOptions.Section);
        builder.AddValidatedOptions<TrainingOptions>(TrainingOptions.Section);
        builder.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        builder.AddValidatedOptions<FeedbackOptions>(FeedbackOptions.Section);
        builder.AddValidatedOptions<SlaOptions>(SlaOptions.Section);
        builder.AddValidatedOptions<InsightsOptions>(InsightsOptions.Section);
        builder.AddValidatedOptions<PublicPagesOptions>(PublicPagesOptions.Section);
        builder.AddValidatedOptions<PrivacyOptions>(PrivacyOptions.Section);
        builder.AddValidatedOptions<SecurityHeadersOptions>(SecurityHeadersOptions.Section);
        builder.AddValidatedOptions<SessionOptions>(SessionOptions.Section);
        builder.AddValidatedOptions<KeyRingOptions>(KeyRingOptions.Section);
        builder.AddValidatedOptions<Portal.Features.Integrity.Detection.DetectionOptions>(Portal.Features.Integrity.Detection.DetectionOptions.Section);
        return builder.Build();
    }
}
