using BacklogInsight.Api.Features.Activities;
using BacklogInsight.Api.Features.Balance;
using BacklogInsight.Api.Features.Classification;
using BacklogInsight.Api.Features.Connections;
using BacklogInsight.Api.Features.Health;
using BacklogInsight.Api.Features.People;
using BacklogInsight.Api.Features.Reports;
using BacklogInsight.Api.Features.Teams;
using BacklogInsight.Api.Features.Webhooks;
using BacklogInsight.Api.Features.WorkItems;
using BacklogInsight.Api.Infrastructure;
using Hangfire;
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

        // Jobs dashboard: local requests only until authentication exists.
        app.UseHangfireDashboard("/hangfire");

        // The dashboard: static files from wwwroot, index.html at "/".
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // Endpoint groups, one per feature.
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

        await app.RunAsync();
        return 0;
    }
}
