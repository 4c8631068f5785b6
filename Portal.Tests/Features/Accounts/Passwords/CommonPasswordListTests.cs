using Portal.Features.Accounts.Passwords;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts.Passwords;

public sealed class CommonPasswordListTests
{
    private static readonly CommonPasswordList Shipped = CommonPasswordList.LoadShipped();

    [Fact]
    public void The_shipped_list_holds_the_100000_most_common_passwords()
    {
        // 100,000 lines; 96,518 remain when entries that differ only in case count once.
        Assert.Equal(96_518, Shipped.Count);
        Assert.True(Shipped.Contains("123456"));
        Assert.True(Shipped.Contains("password"));
    }

    [Theory]
    [InlineData("qwertyqwerty")]
    [InlineData("QwertyQwerty")]
    [InlineData("1QAZ2WSX3EDC")]
    public void A_common_password_is_found_whatever_its_case(string password) => Assert.True(Shipped.Contains(password));

    [Theory]
    [InlineData(PortalAppFactory.AdminPassword)]
    [InlineData("correct horse battery staple, violet")]
    public void An_uncommon_password_is_not_found(string password) => Assert.False(Shipped.Contains(password));
}
