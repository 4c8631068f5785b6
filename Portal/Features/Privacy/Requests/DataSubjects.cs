using Microsoft.Extensions.Options;

namespace Portal.Features.Privacy.Requests;

/// <summary>Turns a query that passed <see cref="SubjectQuery.Problem"/> into the subject of a request.</summary>
public sealed class DataSubjects(UserIds userIds, IOptions<PrivacyOptions> options)
{
    private readonly string jsonPath = options.Value.UserIdJsonPath;

    public DataSubject Of(SubjectQuery query)
    {
        if (query.Problem() is { } problem) throw new ArgumentException(problem, nameof(query));
        var (userId, email) = (query.GivenUserId, query.NormalizedEmail);
        return new DataSubject(userId, userId is null ? null : UserIds.ToHex(userIds.Hash(userId)),
            email, email is null ? null : UserIds.ToHex(userIds.Hash(email)), jsonPath);
    }
}
