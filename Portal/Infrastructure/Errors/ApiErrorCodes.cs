namespace Portal.Infrastructure.Errors;

/// <summary>The error codes Personalizer's specification defines, plus the few HTTP-level ones we need.</summary>
public static class ApiErrorCodes
{
    public const string BadRequest = "BadRequest";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string InternalServerError = "InternalServerError";
    public const string InvalidServiceConfiguration = "InvalidServiceConfiguration";
    public const string InvalidPolicyConfiguration = "InvalidPolicyConfiguration";
    public const string InvalidPolicyContract = "InvalidPolicyContract";
    public const string InvalidRewardRequest = "InvalidRewardRequest";
    public const string InvalidEventIdToActivate = "InvalidEventIdToActivate";
    public const string InvalidRankRequest = "InvalidRankRequest";
    public const string InvalidExportLogsRequest = "InvalidExportLogsRequest";
    public const string NoLogsExistInDateRange = "NoLogsExistInDateRange";
    public const string Conflict = "Conflict";
    public const string PayloadTooLarge = "PayloadTooLarge";
    public const string Unauthorized = "401";
    public const string Forbidden = "Forbidden";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string TooManyRequests = "TooManyRequests";
}
