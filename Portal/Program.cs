using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Dashboard;
using Portal.Features.Decisions;
using Portal.Features.Feedback;
using Portal.Features.Insights;
using Portal.Features.Learning;
using Portal.Features.Training;
using Portal.Features.LiveStream;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Features.Oversight.Api;
using Portal.Features.Privacy;
using Portal.Features.PublicPages;
using Portal.Features.Segments;
using Portal.Features.Simulation;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootSettingsFile();

// Hosted services start in this order: database, accounts, loops, opt-outs, segments, control state, log writer, trainer, demo traffic.
builder.AddPersistence();
builder.AddPortalWeb();
builder.AddAudit();
builder.AddAccounts();
builder.AddLearning();
builder.AddLoops();
builder.AddPrivacy();
builder.AddSegments();
builder.AddOversight();
builder.AddDecisions();
builder.AddTraining();
builder.AddSimulation();
builder.AddDashboard();
builder.AddLiveStream();
builder.AddPublicPages();
builder.AddFeedback();
builder.AddInsights();

var app = builder.Build();
app.UsePortalPipeline();
app.MapDecisionsApi();
app.MapDecisionLogApi();
app.MapLoopConfigurationApi();
app.MapControlsApi();
app.MapRulesApi();
app.MapAuditApi();
app.MapFeedbackApi();
app.MapPublicPages();
app.MapPrivacy();
app.MapInsightsApi();
app.MapPortalWeb();
return app.RunOrExplain();

public partial class Program;
