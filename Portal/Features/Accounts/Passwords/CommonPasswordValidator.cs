using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Features.Accounts.Passwords;

/// <summary>Identity refuses a common password wherever one is set: change, set, reset, the first administrator.</summary>
public sealed class CommonPasswordValidator(CommonPasswordList list) : IPasswordValidator<ApplicationUser>
{
    public const string Code = "CommonPassword";

    public const string Message = "This password is one of the 100,000 most common passwords, the first ones attackers try. Choose another.";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && list.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);
}
