using Portal.Features.Accounts;
using Portal.Features.Dashboard;
using Portal.Features.Decisions;
using Portal.Features.Feedback;
using Portal.Features.Learning.Training;
using Portal.Features.Loops;
using Portal.Features.PublicPages;
using Portal.Features.Simulation;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootSettingsFile();

// Hosted services start in this order: database, accounts, loops, log writer, trainer, demo traffic.
builder.AddPersistence();
builder.AddPortalWeb();
builder.AddAccounts();
builder.AddLoops();
builder.AddDecisions();
builder.AddTraining();
builder.AddSimulation();
builder.AddDashboard();
builder.AddPublicPages();
builder.AddFeedback();

var app = builder.Build();
app.UsePortalPipeline();
app.MapDecisionsApi();
app.MapLoopConfigurationApi();
app.MapFeedbackApi();
app.MapPortalWeb();
return app.RunOrExplain();

public partial class Program;
