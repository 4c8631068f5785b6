using System.Net;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback;

public sealed class FeedbackApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_export_downloads_the_filtered_tickets_as_CSV_that_a_spreadsheet_cannot_run()
    {
        var marker = "x" + Guid.NewGuid().ToString("N")[..10];
        var injected = await factory.SubmitAsync($"=HYPERLINK(\"http://evil.example\",\"{marker}\")");
        var plain = await factory.SubmitAsync($"Plain, with a comma {marker}", Portal.Data.Entities.FeedbackCategory.Irrelevant);
        await factory.SubmitAsync("Not selected " + Guid.NewGuid().ToString("N"));
        var reviewer = await ReviewerAsync();

        var response = await reviewer.GetAsync($"/tickets/export.csv?q={marker}&sort=Priority&desc=false");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment; filename=\"feedback-tickets-", response.Content.Headers.ContentDisposition?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Reference\",\"Created (UTC)\",\"Category\",\"Status\",\"Priority\",\"Assignee\",\"Due (UTC)\",\"Overdue\",\"Loop\",\"Event\",\"Submissions\",\"Message\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"\"{injected.Reference}\"", lines[1]);
        Assert.EndsWith($",1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"{marker}\"\")\"", lines[1]);
        Assert.StartsWith($"\"{plain.Reference}\"", lines[2]);
        Assert.Contains($"\"Plain, with a comma {marker}\"", lines[2]);
    }

    [Fact]
    public async Task The_export_needs_a_triage_role_and_a_filter_it_understands()
    {
        var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/tickets/export.csv");
        var badFilter = await (await ReviewerAsync()).GetAsync("/tickets/export.csv?status=Lost");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("'Lost' is not one of New, Triaged, InProgress", await badFilter.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> ReviewerAsync()
    {
        await factory.CreateUserAsync("export-cr@test.local", PortalRoles.ComplianceReviewer);
        return await factory.LoginAsync("export-cr@test.local", PortalAppFactory.UserPassword);
    }
}
