using System.Text;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Workers.Classification;
using BacklogInsight.Workers.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.Classification;

/// <summary>Corrections of single activities, their export as labelled records, and classification on demand.</summary>
public static class ClassificationApi
{
    private const int MaxClassifyLines = 10_000;

    public static IEndpointRouteBuilder MapClassificationApi(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/activities").WithTags("Classification");
        activities.MapPut("/{id:long}/class", OverrideClassAsync);
        activities.MapGet("/{id:long}/class-history", GetClassHistoryAsync);

        var classification = app.MapGroup("/api/classification").WithTags("Classification");
        classification.MapGet("/", GetTaxonomyAsync);
        classification.MapGet("/overrides", ExportOverridesAsync);
        classification.MapPost("/reclassify", Reclassify);
        app.MapPost("/api/classify", ClassifyAsync).WithTags("Classification").Accepts<string>("application/x-ndjson", "text/plain");
        return app;
    }

    public static async Task<Results<Ok<ClassOverrideResponse>, ValidationProblem, ProblemHttpResult>> OverrideClassAsync(
        long id, OverrideClassRequest request, BacklogDbContext db, ActivityCountRefresher counts, ActivityClassifier classifier, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var parsed = query.Enum("class", request.Class, ClassNames.All);
        query.Require(request.Class is not null, "class", "class is required: strategic, tactical, delivery or other.");
        query.Require(!string.IsNullOrWhiteSpace(request.Reason) && request.Reason.Length <= 1000, "reason", "reason is required (at most 1000 characters).");
        query.Require(!string.IsNullOrWhiteSpace(request.By) && request.By.Length <= 200, "by", "by is required: who makes the correction (at most 200 characters).");
        if (!query.IsValid || parsed is not { } newClass)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return NotFoundProblem.Of("activity", id);
        }

        var correction = new ClassOverride
        {
            ActivityId = id,
            Class = newClass,
            PreviousClass = activity.Classification?.Class,
            PreviousRuleId = activity.Classification?.RuleId,
            Reason = request.Reason!.Trim(),
            By = request.By!.Trim(),
            At = time.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ClassOverrides.Add(correction);
        activity.Classification = new Domain.Model.Classification
        {
            Class = newClass,
            Confidence = 1.0,
            RuleId = ClassOverride.RuleId,
            Reasons = [$"Corrected by {correction.By}: {correction.Reason}"],
            TaxonomyVersion = classifier.TaxonomyVersion,
        };
        await db.SaveChangesAsync(cancellationToken);
        await counts.RefreshAsync(ActivityCountRefresher.TouchedBy([activity]), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ClassOverrideResponse.From(correction));
    }

    public static async Task<Results<Ok<IReadOnlyList<ClassOverrideResponse>>, ProblemHttpResult>> GetClassHistoryAsync(
        long id, BacklogDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Activities.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return NotFoundProblem.Of("activity", id);
        }

        var history = await db.ClassOverrides.AsNoTracking().Where(o => o.ActivityId == id).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ClassOverrideResponse>>(history.Select(ClassOverrideResponse.From).ToList());
    }

    /// <summary>Every corrected activity, once, with its latest correction as the label: an evaluation set that grows.</summary>
    public static async Task<IResult> ExportOverridesAsync(BacklogDbContext db, StoredActivityContexts stored, CancellationToken cancellationToken)
    {
        var latest = await db.ClassOverrides.AsNoTracking()
            .Where(o => o.Id == db.ClassOverrides.Where(x => x.ActivityId == o.ActivityId).Max(x => x.Id))
            .OrderBy(o => o.ActivityId).ToListAsync(cancellationToken);
        var ids = latest.Select(o => o.ActivityId).ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var contexts = await stored.BuildAsync(activities, cancellationToken);
        var lines = new StringBuilder();
        foreach (var correction in latest)
        {
            if (contexts.TryGetValue(correction.ActivityId, out var context))
            {
                lines.AppendLine(ActivityRecordWriter.Write($"a{correction.ActivityId}", context.ItemKey, context.Context, correction.Class, correction.Reason));
            }
        }

        return TypedResults.Text(lines.ToString(), "application/x-ndjson", Encoding.UTF8);
    }

    public static async Task<Ok<TaxonomyResponse>> GetTaxonomyAsync(BacklogDbContext db, ActivityClassifier classifier, CancellationToken cancellationToken)
    {
        var waiting = await db.Activities.CountAsync(
            a => a.Classification == null || (a.Classification.TaxonomyVersion != classifier.TaxonomyVersion && a.Classification.RuleId != ClassOverride.RuleId),
            cancellationToken);
        return TypedResults.Ok(new TaxonomyResponse(classifier.TaxonomyVersion, waiting));
    }

    public static Accepted Reclassify(IBackgroundJobClient jobs)
    {
        jobs.Enqueue<ReclassifyActivitiesJob>(job => job.RunAsync(CancellationToken.None));
        return TypedResults.Accepted("/api/classification");
    }

    /// <summary>Classifies JSONL records of the labelled-set schema; bad lines are reported by number and skipped.</summary>
    public static async Task<Results<Ok<ClassifyResponse>, ValidationProblem>> ClassifyAsync(
        HttpRequest request, ActivityClassifier classifier, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var results = new List<JsonNode>();
        var errors = new List<RecordError>();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (number > MaxClassifyLines)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["body"] = [$"At most {MaxClassifyLines} records per request; split the file."],
                });
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = ActivityRecordParser.Parse(line);
            if (parsed.Record is not { } record)
            {
                errors.Add(new RecordError(number, parsed.Error ?? "unreadable"));
                continue;
            }

            var predicted = classifier.Classify(record.Context);
            results.Add(JsonNode.Parse(ActivityRecordWriter.Write(record.Id, record.ItemKey, record.Context, record.Label, record.Why, predicted))!);
        }

        return TypedResults.Ok(new ClassifyResponse(classifier.TaxonomyVersion, results, errors));
    }
}
