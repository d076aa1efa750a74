using BacklogInsight.Api.Features.Activities;
using BacklogInsight.Api.Features.Alerts;
using BacklogInsight.Api.Features.Balance;
using BacklogInsight.Api.Features.Classification;
using BacklogInsight.Api.Features.Connections;
using BacklogInsight.Api.Features.Health;
using BacklogInsight.Api.Features.Keys;
using BacklogInsight.Api.Features.NotificationChannels;
using BacklogInsight.Api.Features.People;
using BacklogInsight.Api.Features.Reports;
using BacklogInsight.Api.Features.SignIn;
using BacklogInsight.Api.Features.Teams;
using BacklogInsight.Api.Features.Webhooks;
using BacklogInsight.Api.Features.WorkItems;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Api.Infrastructure.Security;
using Serilog;

namespace BacklogInsight.Api.CommandLine;

/// <summary><c>serve</c>: the table of contents of the running service.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CommandLineInvocation invocation)
    {
        var role = ServeRole.Parse(invocation.Option("role"));
        var builder = WebApplication.CreateBuilder(invocation.ConfigurationArgs);
        if (invocation.Has("demo"))
        {
            builder.Configuration["Demo:Enabled"] = "true";
        }

        // An API process only enqueues; the workers of the cluster run the jobs.
        if (!role.RunsJobs)
        {
            builder.Configuration["Jobs:RunServer"] = "false";
        }

        // Logging, storage, sources and workers shared with every command.
        builder.AddBacklogCore(scheduleRecurringJobs: true);

        // The API surface: problem details, OpenAPI and the demo bootstrapper.
        builder.Services.AddBacklogApi();
        if (role.ServesApi)
        {
            builder.Services.AddDemo(builder.Configuration);
        }

        builder.Services.AddBacklogHealthChecks();
        builder.Services.AddWebhooks();
        builder.Services.AddConnectionChecks();

        // Who may call what: API keys, optional bearer tokens, the dashboard's sign-in; rate and size limits.
        builder.AddBacklogSecurity();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();

        // A worker answers health probes only.
        app.MapHealthApi();
        if (!role.ServesApi)
        {
            await app.RunAsync();
            return 0;
        }

        // OpenAPI document and its browsable UI.
        app.MapOpenApi();
        app.UseSwaggerUI(ui => ui.SwaggerEndpoint("/openapi/v1.json", "BacklogInsight API"));

        // The dashboard: static files from wwwroot, index.html at "/".
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // Authentication, authorisation by convention (GET: read, else admin), rate limits; the jobs dashboard for admins.
        app.UseBacklogSecurity();

        // Endpoint groups, one per feature.
        app.MapSignInApi();
        app.MapKeysApi();
        app.MapConnectionsApi();
        app.MapTeamsApi();
        app.MapPeopleApi();
        app.MapWorkItemsApi();
        app.MapActivitiesApi();
        app.MapClassificationApi();
        app.MapBalanceApi();
        app.MapReportsApi();
        app.MapJiraWebhooksApi();
        app.MapAzureDevOpsWebhooksApi();
        app.MapAlertsApi();
        app.MapNotificationChannelsApi();

        await app.RunAsync();
        return 0;
    }
}
