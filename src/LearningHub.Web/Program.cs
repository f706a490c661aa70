using LearningHub.Cases;
using LearningHub.Content;
using LearningHub.Events;
using LearningHub.Forms;
using LearningHub.Impact;
using LearningHub.Media;
using LearningHub.Notifications;
using LearningHub.Recipes;
using LearningHub.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddLearningHubHost();
builder.Services.AddNotificationsModule(builder.Configuration);
builder.Services.AddMediaModule(builder.Configuration);
builder.Services.AddFormsModule(builder.Configuration);
builder.Services.AddCasesModule(builder.Configuration);
builder.Services.AddEventsModule(builder.Configuration);
builder.Services.AddImpactModule(builder.Configuration);
builder.Services.AddContentModule(builder.Configuration);
builder.Services.AddRecipesModule(builder.Configuration);

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

// The database is made ready (migrations, recipes) on another core while the pipeline and the pages' endpoints are
// built and the server starts here; requests wait at the door and background jobs before their first pass until it
// is (StartupGateMiddleware, SiteReadiness).
var preparingDatabase = app.PrepareDatabaseInBackground();

app.UseLearningHubHost();
app.MapNotificationsModule();
app.MapMediaModule();
app.MapFormsModule();
app.MapCasesModule();
app.MapEventsModule();
app.MapImpactModule();
app.MapContentModule();
app.MapRecipesModule();
app.MapLearningHubPages();

await app.RunAsync(preparingDatabase);
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
