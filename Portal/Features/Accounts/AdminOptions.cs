using Portal.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Accounts;

/// <summary>The first administrator, created on the first start (<c>Portal:Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Portal:Admin";

    [Required(ErrorMessage = "Portal:Admin:Email is required.")]
    [EmailAddress(ErrorMessage = "Portal:Admin:Email must be an email address.")]
    public string Email { get; set; } = "admin@localhost";

    /// <summary>For automation; when empty a password is generated and printed once.</summary>
    [MinLengthUnlessEmpty(AccountsRegistration.MinPasswordLength, ErrorMessage = "Portal:Admin:Password must be at least 12 characters long.")]
    public string? Password { get; set; }

    /// <summary>For automation: a personal API token the first administrator holds (at least 32 characters).</summary>
    [MinLengthUnlessEmpty(Tokens.ApiTokenSecrets.MinLength, ErrorMessage = "Portal:Admin:ApiToken must be at least 32 characters long.")]
    public string? ApiToken { get; set; }
}
