using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Notifications;
using BacklogInsight.Storage.Privacy;
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
    TimeProvider time,
    ILogger<NotificationOutbox> logger)
{
    /// <summary>Queues the notice for every enabled channel whose routing takes it; returns the new deliveries' ids.</summary>
    public async Task<IReadOnlyList<long>> EnqueueAlertAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken);
        // Masked before it is stored: a message leaves the installation, so with pseudonymisation on it names nobody.
        var mask = await names.MaskAsync(db, cancellationToken);
        var message = NotificationMessages.ForAlert(MaskedNotice(notice, mask), options.Value.PublicBaseUrl);
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
        var mask = await names.MaskAsync(db, cancellationToken);
        var owed = new List<Owed>();
        foreach (var channel in channels)
        {
            if (channel.TeamIds is null && stored.TryGetValue(0, out var organisation))
            {
                var json = MaskedJson(organisation.Json, mask);
                var message = NotificationMessages.ForReport(Read<OrganisationWeeklyReport>(json), json, baseUrl);
                owed.Add(new Owed(channel.Id, $"report-{week}", message, message.Title, null, null));
            }

            foreach (var teamId in channel.TeamIds ?? [])
            {
                if (stored.TryGetValue(teamId, out var team))
                {
                    var json = MaskedJson(team.Json, mask);
                    var message = NotificationMessages.ForReport(Read<TeamWeeklyReport>(json), teamId, json, baseUrl);
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

    private static AlertNotice MaskedNotice(AlertNotice notice, PersonMask mask) => mask.IsOn
        ? notice with { Summary = mask.Text(notice.Summary)!, Evidence = [.. notice.Evidence.Select(e => mask.Text(e)!)] }
        : notice;

    private static string MaskedJson(string json, PersonMask mask)
    {
        if (!mask.IsOn)
        {
            return json;
        }

        var node = JsonNode.Parse(json);
        mask.Json(node);
        return node!.ToJsonString();
    }

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
