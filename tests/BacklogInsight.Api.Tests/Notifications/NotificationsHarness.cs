using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Notifications;
using BacklogInsight.Workers.Alerts;
using BacklogInsight.Workers.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>
/// The real host on a throwaway data folder with a clock the test moves (for backoff), loopback receivers allowed, and
/// delivery jobs run the way a worker runs them. Retries are quick: 10 s, doubling, at most four attempts.
/// </summary>
public sealed class NotificationsHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data;
    private readonly BacklogApiFactory _root;

    private NotificationsHarness(TempDirectory data, BacklogApiFactory root, WebApplicationFactory<Program> factory, FakeTimeProvider clock, LogCapture logs)
    {
        Logs = logs;
        _data = data;
        _root = root;
        Factory = factory;
        Clock = clock;
        Client = factory.CreateClient();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>What the host logged.</summary>
    public LogCapture Logs { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _data.Path;

    public static NotificationsHarness Create(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var data = new TempDirectory();
        var clock = new FakeTimeProvider(Start);
        var root = new BacklogApiFactory(data.Path, new Dictionary<string, string?>
        {
            ["Notifications:AllowLoopback"] = "true",
            ["Notifications:MaxAttempts"] = "4",
            ["Notifications:RetryBaseDelay"] = "00:00:10",
            ["Notifications:RetryMaxDelay"] = "00:01:00",
            ["Notifications:RequestTimeout"] = "00:00:10",
        }.Concat(settings ?? new Dictionary<string, string?>()).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        var logs = new LogCapture();
        var factory = root.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<Serilog.Core.ILogEventSink>(logs);
        }));
        return new NotificationsHarness(data, root, factory, clock, logs);
    }

    /// <summary>Creates a channel through the API; returns its id.</summary>
    public async Task<Guid> CreateChannelAsync(object request)
    {
        var response = await Client.PostAsJsonAsync("/api/notification-channels", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await ApiJson.ReadAsync(response))["id"]!.GetValue<Guid>();
    }

    /// <summary>Hands a notice to every registered notifier, as the alert lifecycle does after a committed transition.</summary>
    public async Task NotifyAsync(AlertNotice notice)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var notifiers = scope.ServiceProvider.GetServices<IAlertNotifier>().ToList();
        Assert.That(notifiers, Is.Not.Empty);
        foreach (var notifier in notifiers)
        {
            await notifier.NotifyAsync(notice, CancellationToken.None);
        }
    }

    /// <summary>Runs the delivery job of every pending delivery, as workers would; returns how many attempts were made.</summary>
    public async Task<int> RunDeliveryJobsAsync()
    {
        List<long> pending;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<BacklogDbContext>().NotificationDeliveries
                .Where(d => d.Status == NotificationDeliveryStatus.Pending).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        }

        var attempts = 0;
        foreach (var id in pending)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var before = await CountAttemptsAsync(scope, id);
            await scope.ServiceProvider.GetRequiredService<DeliverNotificationJob>().RunAsync(id, CancellationToken.None);
            attempts += await CountAttemptsAsync(scope, id) - before;
        }

        return attempts;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Stores a team (and the connection it belongs to) directly; returns its id.</summary>
    public Task<long> AddTeamAsync(string name) => InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<BacklogDbContext>();
        var connection = new Connection { Id = Guid.NewGuid(), Name = $"c-{name}", Kind = "sample", CreatedAt = Start };
        db.Connections.Add(connection);
        var team = new Team { ConnectionId = connection.Id, SourceId = name, Name = name };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    /// <summary>The channel's deliveries as the API shows them, newest first.</summary>
    public async Task<List<JsonNode>> DeliveriesAsync(Guid channelId) =>
        await ApiJson.ReadAllPagesAsync(Client, $"/api/notification-channels/{channelId}/deliveries");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _root.DisposeAsync();
        _data.Dispose();
    }

    private static Task<int> CountAttemptsAsync(AsyncServiceScope scope, long deliveryId) =>
        scope.ServiceProvider.GetRequiredService<BacklogDbContext>().NotificationAttempts.CountAsync(a => a.DeliveryId == deliveryId);
}
