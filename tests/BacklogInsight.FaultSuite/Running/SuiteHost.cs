using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>
/// The real host (storage, sources, classification, the sync pipeline) in this process on one data folder, as
/// <c>sync --connection NAME --once</c> builds it; each <see cref="SyncAsync"/> is one run of the pipeline.
/// </summary>
public sealed class SuiteHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SuiteHost(IHost host) => _host = host;

    public static async Task<SuiteHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBacklogCore(scheduleRecurringJobs: false);
        var host = builder.Build();
        await host.StartAsync();
        return new SuiteHost(host);
    }

    public async Task<Guid> CreateConnectionAsync(ConnectionDefinition definition)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<ConnectionRegistration>().CreateOrUpdateAsync(definition, CancellationToken.None);
        return connection.Id;
    }

    /// <summary>One sync run; a failure is returned with the reason its run record holds, not thrown.</summary>
    public async Task<SyncOutcome> SyncAsync(Guid connectionId, TimeSpan limit)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<SyncRunRecorder>().QueueAsync(connectionId, "fault-suite", CancellationToken.None);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            var finished = await scope.ServiceProvider.GetRequiredService<SyncPipeline>().RunAsync(connectionId, run.Id, timeout.Token);
            return new SyncOutcome(true, null, finished.ActivitiesAdded, finished.Retries);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (timeout.IsCancellationRequested)
            {
                return new SyncOutcome(false, $"HANG: the sync did not end within {limit.TotalSeconds:0} s", 0, 0);
            }

            await using var check = _host.Services.CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<BacklogDbContext>();
            var recorded = await db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
            return recorded.Status == SyncRunStatus.Failed
                ? new SyncOutcome(false, recorded.Error, recorded.ActivitiesAdded, recorded.Retries)
                : new SyncOutcome(false, $"the run record says '{recorded.Status}', not Failed; the exception was {exception.GetType().Name}: {exception.Message}", 0, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
