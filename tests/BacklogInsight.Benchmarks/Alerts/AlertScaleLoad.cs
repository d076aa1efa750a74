using System.Diagnostics;
using System.Globalization;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Queries;
using BacklogInsight.Workers;
using BacklogInsight.Workers.Alerts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Benchmarks.Alerts;

/// <summary>
/// Alert evaluation at scale: a SQLite database with 200 teams, 1,600 people, ~100,000 work items (stories under epics)
/// and (by default) 1,000,000 activities over 26 weeks; then the whole evaluation (inputs, rules, lifecycle) timed
/// repeatedly. Teams differ: every fifth has no owner work for the last six weeks, every seventh no strategic work.
/// Run: dotnet run -c Release --project tests/BacklogInsight.Benchmarks -- --alerts-scale [activities] [folder] [--reuse]
/// </summary>
public static class AlertScaleLoad
{
    public const string Switch = "--alerts-scale";
    private const int Teams = 200;
    private const int PeoplePerTeam = 8;
    private const int Weeks = 26;
    private const int StoriesPerTeam = 500;
    private const int EpicsPerTeam = 20;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var activities = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        var folder = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : Path.Combine(Path.GetTempPath(), "backlog-insight-alerts-scale");
        var reuse = args.Contains("--reuse") && File.Exists(Path.Combine(folder, "backlog-insight.db"));
        if (!reuse && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        await using var services = BuildServices(folder);
        var setup = Stopwatch.StartNew();
        await using (var scope0 = services.CreateAsyncScope())
        {
            await scope0.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        if (!reuse)
        {
            await CreateCatalogueAsync(services);
            await FillAsync(folder, activities);
        }

        Console.WriteLine($"setup: {activities:N0} activities, {Teams} teams, {Teams * (StoriesPerTeam + EpicsPerTeam):N0} work items, {Weeks} weeks in {setup.Elapsed.TotalSeconds:F1} s ({folder}{(reuse ? ", reused" : "")})");

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BacklogDbContext>().Alerts.ExecuteDeleteAsync();
        }

        var first = await TimeOnceAsync(services);
        Console.WriteLine($"first evaluation (opens the alerts): {first.Milliseconds:F0} ms — {first.Result}");
        var runs = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            runs.Add((await TimeOnceAsync(services)).Milliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
        }

        Report("alert evaluation, 200 teams (inputs + rules + lifecycle), wall clock", runs);
        // On a shared machine the wall clock mostly measures the queue for a core; the process's CPU time does not.
        Report("  the same runs, CPU time of this process", cpu);
        var inputs = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<AlertInputQueries>();
            var watch = Stopwatch.StartNew();
            _ = await queries.TeamInputsAsync(Now, TimeZoneInfo.Utc, _ => new Domain.Alerts.AlertThresholds(), CancellationToken.None);
            inputs.Add(watch.Elapsed.TotalMilliseconds);
        }

        Report("  of which: the input queries", inputs);
        return 0;
    }

    private static async Task<(double Milliseconds, AlertEvaluationResult Result)> TimeOnceAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<EvaluateAlertsJob>();
        var watch = Stopwatch.StartNew();
        var result = await job.RunAsync(CancellationToken.None);
        return (watch.Elapsed.TotalMilliseconds, result);
    }

    private static ServiceProvider BuildServices(string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = folder,
            ["Jobs:Storage"] = "memory",
            ["Jobs:RunServer"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        services.AddBacklogStorage();
        services.AddBacklogWorkers(configuration);
        services.AddSingleton<BacklogInsight.Sources.IBacklogSourceFactory>(new BacklogInsight.Sources.BacklogSourceFactory([]));
        return services.BuildServiceProvider();
    }

    private static async Task CreateCatalogueAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BacklogDbContext>();
        var connection = new Connection { Id = Guid.NewGuid(), Name = "scale", Kind = SourceKinds.Sample, CreatedAt = Now.AddDays(-200), SyncCron = "0 * * * *" };
        db.Connections.Add(connection);
        db.SyncStates.Add(new ConnectionSyncState { ConnectionId = connection.Id, LastSucceededAt = Now.AddMinutes(-20) });
        for (var t = 0; t < Teams; t++)
        {
            db.Teams.Add(new Team { ConnectionId = connection.Id, SourceId = T(t), Name = $"Team {t:D3}", OwnerSourceId = $"p{t * PeoplePerTeam}" });
        }

        for (var p = 0; p < Teams * PeoplePerTeam; p++)
        {
            db.People.Add(new Person { ConnectionId = connection.Id, SourceId = $"p{p}", DisplayName = $"Person {p}", IsActive = p % 97 != 0 });
        }

        db.People.Add(new Person { ConnectionId = connection.Id, SourceId = "bot", DisplayName = "Automation for Jira", IsBot = true });
        await db.SaveChangesAsync();
    }

    private static string T(int team) => team.ToString(CultureInfo.InvariantCulture);

    // Bulk insert through prepared statements, as --balance-scale does: the benchmark is about reading.
    private static async Task FillAsync(string folder, int total)
    {
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(folder, "backlog-insight.db")}");
        await sqlite.OpenAsync();
        var id = (string)(await new SqliteCommand("SELECT Id FROM Connections", sqlite).ExecuteScalarAsync())!;
        var start = Now.AddDays(-Weeks * 7);
        var span = Now - start;
        var random = new Random(42);
        await using (var transaction = sqlite.BeginTransaction())
        {
            var item = sqlite.CreateCommand();
            item.Transaction = transaction;
            item.CommandText = """
                INSERT INTO WorkItems (ConnectionId, SourceId, Key, Type, HierarchyLevel, Title, Status, StatusCategory, TeamSourceId, ParentSourceId, Labels, CreatedAt, UpdatedAt)
                VALUES ($c, $id, $key, $type, $level, $title, $status, $category, $team, $parent, '[]', $created, $updated)
                """;
            var ip = new[] { "$c", "$id", "$key", "$type", "$level", "$title", "$status", "$category", "$team", "$parent", "$created", "$updated" }
                .Select(n => item.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            item.Prepare();
            for (var t = 0; t < Teams; t++)
            {
                for (var i = 0; i < EpicsPerTeam + StoriesPerTeam; i++)
                {
                    var epic = i < EpicsPerTeam;
                    var done = !epic && random.Next(100) < 60;
                    ip[0].Value = id;
                    ip[1].Value = $"{t}-{i}";
                    ip[2].Value = $"T{t}-{i}";
                    ip[3].Value = epic ? "Epic" : "Story";
                    ip[4].Value = epic ? 1 : 0;
                    ip[5].Value = $"Item {i} of team {t}";
                    ip[6].Value = done ? "Done" : "In Progress";
                    ip[7].Value = done ? "Done" : "InProgress";
                    ip[8].Value = T(t);
                    ip[9].Value = epic ? DBNull.Value : $"{t}-{random.Next(EpicsPerTeam)}";
                    ip[10].Value = start.UtcTicks;
                    ip[11].Value = (start + TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks))).UtcTicks;
                    await item.ExecuteNonQueryAsync();
                }
            }

            var insert = sqlite.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Activities (ConnectionId, SourceKey, WorkItemSourceId, ActorSourceId, OccurredAt, Kind, Field, Class, Confidence, RuleId, Reasons, TaxonomyVersion, TeamSourceId, Week)
                VALUES ($c, $key, $item, $actor, $at, 'FieldChanged', 'Rank', $class, 0.8, 'P4.rank.team', '[]', '1.0.0', $team, $week)
                """;
            var parameters = new[] { "$c", "$key", "$item", "$actor", "$at", "$class", "$team", "$week" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            insert.Prepare();
            for (var i = 0; i < total; i++)
            {
                var at = start + TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks));
                var team = random.Next(Teams);
                var roll = random.Next(100);
                var activityClass = roll switch { < 5 => "Strategic", < 30 => "Tactical", < 95 => "Delivery", _ => "Other" };
                var person = (team * PeoplePerTeam) + random.Next(PeoplePerTeam);
                // Every fifth team lost its owner six weeks ago; every seventh has had no strategy for four months.
                if ((activityClass == "Tactical" && team % 5 == 0 && at > Now.AddDays(-42)) || (activityClass == "Strategic" && team % 7 == 0 && at > Now.AddDays(-120)))
                {
                    activityClass = "Delivery";
                }

                parameters[0].Value = id;
                parameters[1].Value = $"h{i}";
                parameters[2].Value = activityClass == "Strategic" ? $"{team}-{random.Next(EpicsPerTeam)}" : $"{team}-{EpicsPerTeam + random.Next(StoriesPerTeam)}";
                parameters[3].Value = activityClass == "Other" ? "bot" : $"p{person}";
                parameters[4].Value = at.UtcTicks;
                parameters[5].Value = activityClass;
                parameters[6].Value = T(team);
                parameters[7].Value = (IsoWeek.FromInstant(at, TimeZoneInfo.Utc).Year * 100) + IsoWeek.FromInstant(at, TimeZoneInfo.Utc).Week;
                await insert.ExecuteNonQueryAsync();
            }

            var counts = sqlite.CreateCommand();
            counts.Transaction = transaction;
            counts.CommandText = """
                INSERT INTO ActivityCounts (ConnectionId, TeamSourceId, Week, ActorSourceId, Class, Count, LastAt)
                SELECT ConnectionId, TeamSourceId, Week, ActorSourceId, Class, COUNT(*), MAX(OccurredAt)
                FROM Activities GROUP BY ConnectionId, TeamSourceId, Week, ActorSourceId, Class
                """;
            await counts.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await new SqliteCommand("ANALYZE", sqlite).ExecuteNonQueryAsync();
    }

    private static void Report(string what, List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        Console.WriteLine($"{what}: median {At(0.5):F0} ms, p95 {At(0.95):F0} ms, min {milliseconds[0]:F0} ms (n={milliseconds.Count})");
    }
}
