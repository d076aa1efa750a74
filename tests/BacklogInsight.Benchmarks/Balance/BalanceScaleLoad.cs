using System.Diagnostics;
using System.Globalization;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Queries;
using BacklogInsight.Workers;
using BacklogInsight.Workers.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Benchmarks.Balance;

/// <summary>
/// Role balance at scale: a SQLite database with (by default) 1,000,000 activities over 50 teams and 52 weeks, then
/// a team's 52-week balance, the organisation overview and the weekly reports of every team, each timed repeatedly;
/// a plain COUNT(*) over the same rows is timed beside each as the floor.
/// Run: dotnet run -c Release --project tests/BacklogInsight.Benchmarks -- --balance-scale [activities] [folder] [--reuse]
/// [--postgres "Host=…;Username=…;Password=…"] (the same on a fresh PostgreSQL database instead of SQLite).
/// </summary>
public static class BalanceScaleLoad
{
    private const int Teams = 50;
    private const int Weeks = 52;
    private const int People = 400;
    private static readonly string[] Classes = ["Strategic", "Tactical", "Delivery", "Other"];
    private static readonly IsoWeek LastWeek = new(2026, 47);

    public static async Task<int> RunAsync(string[] args)
    {
        var activities = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "backlog-insight-balance-scale");
        var postgresAt = Array.IndexOf(args, "--postgres");
        var postgres = postgresAt > 0 && postgresAt + 1 < args.Length ? await PostgresScaleDatabase.CreateAsync(args[postgresAt + 1]) : null;
        if (postgresAt > 0)
        {
            folder = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : folder + "-pg";
        }

        var reuse = postgres is null && args.Contains("--reuse") && File.Exists(Path.Combine(folder, "backlog-insight.db"));
        if (!reuse && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        await using var services = BuildServices(folder, postgres);
        var setup = Stopwatch.StartNew();
        Guid connectionId;
        if (reuse)
        {
            await using var scope0 = services.CreateAsyncScope();
            await scope0.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            connectionId = await scope0.ServiceProvider.GetRequiredService<BacklogDbContext>().Connections.Select(c => c.Id).SingleAsync();
        }
        else
        {
            connectionId = await CreateSchemaAsync(services);
            if (postgres is null)
            {
                await FillAsync(folder, activities);
            }
            else
            {
                await PostgresScaleDatabase.FillAsync(postgres, activities, Teams, Weeks, LastWeek, Classes);
            }
        }

        Console.WriteLine($"setup: {activities:N0} activities, {Teams} teams, {Weeks} weeks in {setup.Elapsed.TotalSeconds:F1} s ({(postgres is null ? folder : "PostgreSQL")}{(reuse ? ", reused" : "")})");

        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<RoleBalanceQueries>();
        var reports = scope.ServiceProvider.GetRequiredService<WeeklyReportService>();
        var db = scope.ServiceProvider.GetRequiredService<BacklogDbContext>();
        var first = LastWeek.AddWeeks(-(Weeks - 1));

        var random = new Random(1);
        Report("team 52-week balance", await TimeAsync(100, async () =>
        {
            var team = random.Next(Teams).ToString(CultureInfo.InvariantCulture);
            var weeks = await queries.TeamWeeksAsync(connectionId, team, first.AddWeeks(-8), LastWeek, CancellationToken.None);
            _ = new BalanceCalculator().Calculate(weeks, first.AddWeeks(-8), LastWeek);
        }));
        Report("  floor: COUNT(*) of that team's activities in those weeks", await TimeAsync(100, async () =>
        {
            var team = random.Next(Teams).ToString(CultureInfo.InvariantCulture);
            _ = await db.Activities.CountAsync(a => a.ConnectionId == connectionId && a.TeamSourceId == team && a.Week >= first.AddWeeks(-8) && a.Week <= LastWeek);
        }));
        Report("organisation overview (all teams, one week, 9-week trends)", await TimeAsync(20, async () => await reports.BuildAsync(LastWeek, CancellationToken.None)));
        Report("  of which: every team's 17 weekly totals", await TimeAsync(20, async () => await queries.AllTeamWeeksAsync(LastWeek.AddWeeks(-16), LastWeek, CancellationToken.None)));
        Report("  of which: every team's people and their last product work", await TimeAsync(20, async () => await queries.AllPeopleAsync(LastWeek, 8, CancellationToken.None)));
        Report("  floor: COUNT(*) of every team's activities in those 17 weeks", await TimeAsync(20, async () =>
            _ = await db.Activities.CountAsync(a => a.ConnectionId == connectionId && a.Week >= LastWeek.AddWeeks(-16) && a.Week <= LastWeek)));
        var generate = Stopwatch.StartNew();
        await reports.GenerateAsync(LastWeek, replace: true, CancellationToken.None);
        Console.WriteLine($"weekly reports for {Teams} teams generated and stored: {generate.Elapsed.TotalSeconds:F2} s");
        if (postgres is not null)
        {
            await PostgresScaleDatabase.DropAsync(postgres);
        }

        return 0;
    }

    private static ServiceProvider BuildServices(string folder, string? postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = folder,
            ["Storage:Provider"] = postgres is null ? "sqlite" : "postgres",
            ["Storage:ConnectionString"] = postgres,
            ["Jobs:Storage"] = "memory",
            ["Jobs:RunServer"] = "false",
            ["Organisation:TimeZone"] = "Europe/Berlin",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBacklogStorage();
        services.AddBacklogWorkers(configuration);
        services.AddSingleton<BacklogInsight.Sources.IBacklogSourceFactory>(new BacklogInsight.Sources.BacklogSourceFactory([]));
        return services.BuildServiceProvider();
    }

    private static async Task<Guid> CreateSchemaAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<BacklogDbContext>();
        var connection = new Connection { Id = Guid.NewGuid(), Name = "scale", Kind = SourceKinds.Sample, CreatedAt = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero) };
        db.Connections.Add(connection);
        for (var t = 0; t < Teams; t++)
        {
            db.Teams.Add(new Team { ConnectionId = connection.Id, SourceId = t.ToString(CultureInfo.InvariantCulture), Name = $"Team {t:D2}" });
        }

        for (var p = 0; p < People; p++)
        {
            db.People.Add(new Person { ConnectionId = connection.Id, SourceId = $"p{p}", DisplayName = $"Person {p}" });
        }

        await db.SaveChangesAsync();
        return connection.Id;
    }

    // Bulk insert through one prepared statement: the benchmark is about reading, and EF change tracking of a million
    // rows would only measure itself. The counts are then built the way the refresher builds them, in SQL.
    private static async Task FillAsync(string folder, int total)
    {
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(folder, "backlog-insight.db")}");
        await sqlite.OpenAsync();
        var id = (string)(await new SqliteCommand("SELECT Id FROM Connections", sqlite).ExecuteScalarAsync())!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = LastWeek.AddWeeks(-(Weeks - 1)).Start(zone);
        var span = LastWeek.End(zone) - start;
        var random = new Random(42);
        await using (var transaction = sqlite.BeginTransaction())
        {
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
                parameters[0].Value = id;
                parameters[1].Value = $"h{i}";
                parameters[2].Value = $"{team}-{random.Next(2000)}";
                parameters[3].Value = $"p{(team * 8) + random.Next(8)}";
                parameters[4].Value = at.UtcTicks;
                parameters[5].Value = Classes[random.Next(100) switch { < 5 => 0, < 30 => 1, < 95 => 2, _ => 3 }];
                parameters[6].Value = team.ToString(CultureInfo.InvariantCulture);
                parameters[7].Value = (IsoWeek.FromInstant(at, zone).Year * 100) + IsoWeek.FromInstant(at, zone).Week;
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

    private static async Task<List<double>> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static void Report(string what, List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        Console.WriteLine($"{what}: p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms (n={milliseconds.Count})");
    }
}
