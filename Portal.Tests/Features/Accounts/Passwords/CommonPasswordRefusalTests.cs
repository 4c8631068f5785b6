using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accounts.Passwords;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts.Passwords;

/// <summary>A common password is refused wherever a password is set, and the form says so next to the field.</summary>
public sealed partial class CommonPasswordRefusalTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [GeneratedRegex("id=\"Input.NewPassword\"[^>]*>[ \r\n]*<label[^>]*>[^<]*</label>[ \r\n]*<div class=\"text-danger\">([^<]*)</div>", RegexOptions.Singleline)]
    private static partial Regex NewPasswordMessage();

    [Fact]
    public async Task Identity_refuses_a_common_password_for_any_account()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var result = await users.CreateAsync(new ApplicationUser { UserName = "common@test.local", Email = "common@test.local" }, "QwertyQwerty");

        Assert.Contains(result.Errors, e => e.Code == CommonPasswordValidator.Code);
    }

    [Fact]
    public async Task Changing_to_a_common_password_is_refused_with_a_message_next_to_the_new_password_field()
    {
        await factory.CreateUserAsync("changer@test.local");
        var client = await factory.LoginAsync("changer@test.local", PortalAppFactory.UserPassword);
        var token = await client.AntiforgeryTokenAsync("/Account/Manage/ChangePassword");

        var response = await client.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "change-password",
            ["Input.OldPassword"] = PortalAppFactory.UserPassword,
            ["Input.NewPassword"] = "1qaz2wsx3edc",
            ["Input.ConfirmPassword"] = "1qaz2wsx3edc",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var message = NewPasswordMessage().Match(html);
        Assert.True(message.Success, "no validation message after the new-password field");
        Assert.Equal(CommonPasswordValidator.Message, WebUtility.HtmlDecode(message.Groups[1].Value));
        // The old password still works.
        await factory.LoginAsync("changer@test.local", PortalAppFactory.UserPassword);
    }
}
