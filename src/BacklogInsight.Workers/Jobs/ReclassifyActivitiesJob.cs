using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Workers.Alerts;
using BacklogInsight.Workers.Classification;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Jobs;

/// <summary>
/// Reclassifies every stored activity whose classification came from another taxonomy version (or none), without
/// re-syncing. Overrides are left alone: a person's correction wins over any taxonomy. Batches commit one by one,
/// so an interrupted run simply continues where it stopped.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class ReclassifyActivitiesJob(
    BacklogDbContext db, StoredActivityContexts stored, ActivityCountRefresher counts, ActivityClassifier classifier, IOptions<ClassificationOptions> options, AlertEvaluationTrigger alerts, ILogger<ReclassifyActivitiesJob> logger)
{
    public const string RecurringJobId = "reclassify";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var version = classifier.TaxonomyVersion;
        var total = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.Activities
                .Where(a => a.Id > lastId && (a.Classification == null || (a.Classification.TaxonomyVersion != version && a.Classification.RuleId != ClassOverride.RuleId)))
                .OrderBy(a => a.Id).Take(options.Value.ReclassifyBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ClassifyAsync(batch, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await counts.RefreshAsync(ActivityCountRefresher.TouchedBy(batch), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += batch.Count;
            lastId = batch[^1].Id;
        }

        logger.LogInformation("Reclassified {Count} activities with taxonomy {TaxonomyVersion}", total, version);
        if (total > 0)
        {
            alerts.AfterAnalysis();
        }

        return total;
    }

    /// <summary>True when some stored activity was classified by another taxonomy version, or not at all.</summary>
    public Task<bool> IsNeededAsync(CancellationToken cancellationToken) =>
        db.Activities.AnyAsync(
            a => a.Classification == null || (a.Classification.TaxonomyVersion != classifier.TaxonomyVersion && a.Classification.RuleId != ClassOverride.RuleId),
            cancellationToken);

    private async Task ClassifyAsync(List<Activity> batch, CancellationToken cancellationToken)
    {
        var contexts = await stored.BuildAsync(batch, cancellationToken);
        foreach (var activity in batch)
        {
            if (contexts.TryGetValue(activity.Id, out var context))
            {
                activity.Classification = classifier.Classify(context.Context);
            }
        }
    }
}
