namespace Portal.Features.Oversight;

/// <summary>How modes are named and explained on the pages.</summary>
public static class ModeLabels
{
    public static string Short(ServingMode mode) => mode switch
    {
        ServingMode.LoggingOnly => "Logging only",
        ServingMode.ModelFrozen => "Model frozen",
        _ => mode.ToString(),
    };

    public static string Long(ServingMode mode) => mode switch
    {
        ServingMode.Online => "Online: serve the model's choice, explore, learn",
        ServingMode.Apprentice => "Apprentice: serve the baseline, learn from it",
        ServingMode.LoggingOnly => "Logging only: serve the baseline, learn nothing",
        _ => "Model frozen: serve the model as it is, learn nothing",
    };
}
