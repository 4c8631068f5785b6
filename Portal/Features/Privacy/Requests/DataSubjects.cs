using Microsoft.Extensions.Options;

namespace Portal.Features.Privacy.Requests;

/// <summary>Turns a user id that passed <see cref="UserIds.Problem"/> into the subject of a request.</summary>
public sealed class DataSubjects(UserIds userIds, IOptions<PrivacyOptions> options)
{
    private readonly string jsonPath = options.Value.UserIdJsonPath;

    public DataSubject Of(string userId)
    {
        if (UserIds.Problem(userId) is { } problem) throw new ArgumentException(problem, nameof(userId));
        return new DataSubject(userId, UserIds.ToHex(userIds.Hash(userId)), jsonPath);
    }
}
