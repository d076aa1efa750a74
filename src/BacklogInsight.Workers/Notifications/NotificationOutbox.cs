using System.Text.Json;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Notifications;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Workers.Organisation;
using BacklogInsight.Workers.Reports;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// The outbox: turns an alert transition or a week's reports into one delivery row per channel that wants it, unique on
/// (channel, idempotency key) so a message handed over twice is delivered once, then queues a delivery job per new row.
/// Rows are committed before the jobs are queued; a job lost in between is queued again by <see cref="SweepNotificationsJob"/>.
/// </summary>
public sealed class NotificationOutbox(
    BacklogDbContext db,
    IBackgroundJobClient jobs,
    IOptions<NotificationsOptions> options,
    PersonNames names,
    IOptions<OrganisationOptions> organisation,
    TimeProvider time,
    ILogger<NotificationOutbox> logger)
{
    /// <summary>Queues the notice for every enabled channel whose routing takes it; returns the new deliveries' ids.</summary>
    public async Task<IReadOnlyList<long>> EnqueueAlertAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken);
        // Made private before it is stored: a message leaves the installation, so it names nobody the API would not.
        var week = IsoWeek.FromInstant(notice.OccurredAt, organisation.Value.Zone);
        var privacy = await AlertPrivacy.LoadAsync(db, names, [(notice.TeamId, week)], cancellationToken);
        var words = privacy.Apply(notice.TeamId, week, new AlertWords(notice.Summary, notice.Evidence));
        var message = NotificationMessages.ForAlert(notice with { Summary = words.Summary, Evidence = words.Evidence }, options.Value.PublicBaseUrl);
        var owed = channels.Where(c => ChannelRouting.Accepts(c, notice))
            .Select(c => new Owed(c.Id, notice.IdempotencyKey, message, message.Title, notice.AlertId, notice.TeamId)).ToList();
        return await AddAsync(owed, cancellationToken);
    }

    /// <summary>
    /// Queues the stored reports of a week for the channels that take weekly reports: the organisation's report to a
    /// channel for every team, each listed team's report to a channel for some teams.
    /// </summary>
    public async Task<IReadOnlyList<long>> EnqueueWeeklyReportsAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        if (!options.Value.DeliverWeeklyReports)
        {
            return [];
        }

        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.Enabled && c.WeeklyReports).ToListAsync(cancellationToken);
        if (channels.Count == 0)
        {
            return [];
        }

        var key = WeekKey.Of(week);
        var stored = await db.Reports.AsNoTracking().Where(r => r.Week == key).ToDictionaryAsync(r => r.TeamId ?? 0, cancellationToken);
        var baseUrl = options.Value.PublicBaseUrl;
        // The reports as the API serves them: a message leaves the installation, so it shows no one the API would hide.
        var mask = ReportPrivacy.Applies(names) ? await names.MaskAsync(db, cancellationToken) : PersonMask.Off;
        var owed = new List<Owed>();
        foreach (var channel in channels)
        {
            if (channel.TeamIds is null && stored.TryGetValue(0, out var organisationReport))
            {
                var (json, notice) = Private(organisationReport.Json, ReportPrivacy.Organisation, mask);
                var message = WithNotice(NotificationMessages.ForReport(Read<OrganisationWeeklyReport>(json), json, baseUrl), notice);
                owed.Add(new Owed(channel.Id, $"report-{week}", message, message.Title, null, null));
            }

            foreach (var teamId in channel.TeamIds ?? [])
            {
                if (stored.TryGetValue(teamId, out var team))
                {
                    var (json, notice) = Private(team.Json, ReportPrivacy.Team, mask);
                    var message = WithNotice(NotificationMessages.ForReport(Read<TeamWeeklyReport>(json), teamId, json, baseUrl), notice);
                    owed.Add(new Owed(channel.Id, $"report-{week}-team-{teamId}", message, message.Title, null, teamId));
                }
            }
        }

        return await AddAsync(owed, cancellationToken);
    }

    /// <summary>Stores a one-off test delivery for a channel (not queued: the caller sends it now).</summary>
    public async Task<long> AddTestAsync(NotificationChannel channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = NotificationMessages.ForTest(channel.Name, now, options.Value.PublicBaseUrl);
        var delivery = Row(new Owed(channel.Id, $"test-{Guid.CreateVersion7(now):N}", message, message.Title, null, null), now);
        db.NotificationDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return delivery.Id;
    }

    private (string Json, string? Notice) Private(string json, Func<string, PersonNames, PersonMask, PrivateReport> applyPrivacy, PersonMask mask)
    {
        if (!ReportPrivacy.Applies(names))
        {
            return (json, null);
        }

        var report = applyPrivacy(json, names, mask);
        return (report.ToJson(), report.Notice);
    }

    private static NotificationMessage WithNotice(NotificationMessage message, string? notice) =>
        notice is null ? message : message with { Summary = $"{message.Summary} {notice}" };

    private async Task<IReadOnlyList<long>> AddAsync(IReadOnlyList<Owed> owed, CancellationToken cancellationToken)
    {
        if (owed.Count == 0)
        {
            return [];
        }

        var keys = owed.Select(o => o.Key).Distinct().ToList();
        var existing = (await db.NotificationDeliveries.AsNoTracking().Where(d => keys.Contains(d.IdempotencyKey))
            .Select(d => new { d.ChannelId, d.IdempotencyKey }).ToListAsync(cancellationToken))
            .Select(d => (d.ChannelId, d.IdempotencyKey)).ToHashSet();
        var now = time.GetUtcNow();
        var pending = owed.Where(o => !existing.Contains((o.ChannelId, o.Key))).ToList();
        var rows = pending.Select(o => Row(o, now)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        db.NotificationDeliveries.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process stored some of these messages between our read and our write: store the rest one by one.
            db.ChangeTracker.Clear();
            rows = await AddOneByOneAsync(pending, now, cancellationToken);
        }

        db.ChangeTracker.Clear();
        foreach (var row in rows)
        {
            var id = row.Id;
            jobs.Enqueue<DeliverNotificationJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        foreach (var key in rows.Select(r => r.IdempotencyKey).Distinct())
        {
            NotificationLog.Queued(logger, rows.Count(r => r.IdempotencyKey == key), key);
        }

        return rows.Select(r => r.Id).ToList();
    }

    private async Task<List<NotificationDelivery>> AddOneByOneAsync(IReadOnlyList<Owed> owed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = new List<NotificationDelivery>();
        foreach (var one in owed)
        {
            var row = Row(one, now);
            db.NotificationDeliveries.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored.Add(row);
            }
            catch (DbUpdateException)
            {
                // The unique (channel, idempotency key) index refused it: that delivery exists already.
            }

            db.ChangeTracker.Clear();
        }

        return stored;
    }

    private static NotificationDelivery Row(Owed owed, DateTimeOffset now) => new()
    {
        ChannelId = owed.ChannelId,
        IdempotencyKey = owed.Key,
        Event = owed.Message.Event,
        Subject = owed.Subject.Length <= 300 ? owed.Subject : owed.Subject[..300],
        AlertId = owed.AlertId,
        TeamId = owed.TeamId,
        MessageJson = JsonSerializer.Serialize(owed.Message, NotificationJson.Options),
        Status = NotificationDeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, WeeklyReportService.Json)!;

    private sealed record Owed(Guid ChannelId, string Key, NotificationMessage Message, string Subject, long? AlertId, long? TeamId);
}
