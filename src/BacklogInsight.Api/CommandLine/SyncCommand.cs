using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Jobs;
using BacklogInsight.Workers.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.CommandLine;

/// <summary><c>sync --connection NAME --once</c>: one sync in the foreground; exit code 1 on failure.</summary>
public static class SyncCommand
{
    public static async Task<int> RunAsync(CommandLineInvocation invocation)
    {
        var name = invocation.Option("connection") ?? throw new CommandLineException("sync needs --connection NAME.");
        if (!invocation.Has("once"))
        {
            throw new CommandLineException("sync runs once in the foreground: add --once (scheduled syncs run under 'serve').");
        }

        var builder = Host.CreateApplicationBuilder(invocation.ConfigurationArgs);
        builder.Configuration[$"{JobsOptions.SectionName}:RunServer"] = "false";
        builder.AddBacklogCore(scheduleRecurringJobs: false);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BacklogDbContext>();
            var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name);
            if (connection is null)
            {
                await Console.Error.WriteLineAsync($"No connection named '{name}'. Declare it under 'Connections' in configuration or create it through the API.");
                return 1;
            }

            var run = await scope.ServiceProvider.GetRequiredService<SyncRunRecorder>().QueueAsync(connection.Id, "cli", CancellationToken.None);
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            try
            {
                var finished = await scope.ServiceProvider.GetRequiredService<SyncPipeline>().RunAsync(connection.Id, run.Id, lifetime.ApplicationStopping);
                Console.WriteLine(
                    $"Synced '{name}' (run {finished.Id}): {finished.Pages} pages, {finished.Items} items, " +
                    $"{finished.ActivitiesAdded} activities added, {finished.Requests} requests, {finished.Retries} retries.");
                return 0;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                await Console.Error.WriteLineAsync($"Sync of '{name}' failed (run {run.Id}): {SyncErrorDescriber.Describe(exception, lifetime.ApplicationStopping)}");
                return 1;
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
