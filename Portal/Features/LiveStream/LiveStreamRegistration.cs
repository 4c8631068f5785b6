namespace Portal.Features.LiveStream;

public static class LiveStreamRegistration
{
    /// <summary>The live decision stream page (each open page has its own bounded buffer over the decision feed).</summary>
    public static IHostApplicationBuilder AddLiveStream(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StreamHistory>();
        return builder;
    }
}
