using BacklogInsight.Domain.Alerts;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Features.Alerts;

/// <summary>The alert rules and their thresholds: organisation defaults and per-team overrides.</summary>
public static class AlertRulesApi
{
    public static IEndpointRouteBuilder MapAlertRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alert-rules").WithTags("Alerts");
        api.MapGet("/", GetAlertRulesAsync);
        api.MapPut("/", UpdateAlertRulesAsync);
        return app;
    }

    public static async Task<Ok<AlertRulesResponse>> GetAlertRulesAsync(
        BacklogDbContext db, AlertSettings settings, IOptions<AlertsOptions> options, CancellationToken cancellationToken)
    {
        var snapshot = await settings.LoadAsync(cancellationToken);
        var ids = snapshot.TeamOverrides.Keys.ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AlertRulesResponse(
            AlertRule.All,
            options.Value.ReminderAfterDays,
            snapshot.Configured,
            snapshot.OrganisationOverrides ?? new AlertThresholdOverrides(),
            snapshot.Organisation,
            [.. teams.Select(t => new TeamAlertRulesResponse(t.Id, t.Name, snapshot.TeamOverrides[t.Id], snapshot.For(t.Id)))]));
    }

    /// <summary>Replaces every stored override in one transaction; nothing is stored when any value is out of range.</summary>
    public static async Task<Results<Ok<AlertRulesResponse>, ValidationProblem>> UpdateAlertRulesAsync(
        UpdateAlertRulesRequest request, BacklogDbContext db, AlertSettings settings, IOptions<AlertsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (property, message) in request.Organisation?.Validate() ?? [])
        {
            errors[$"organisation.{property}"] = [message];
        }

        var teams = request.Teams ?? [];
        var known = await db.Teams.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            if (team.TeamId is not { } teamId)
            {
                errors[$"teams[{i}].teamId"] = ["teamId is required."];
            }
            else if (!known.Contains(teamId))
            {
                errors[$"teams[{i}].teamId"] = [$"No team with id '{teamId}'."];
            }
            else if (teams.Take(i).Any(t => t.TeamId == teamId))
            {
                errors[$"teams[{i}].teamId"] = [$"Team {teamId} is listed twice."];
            }

            foreach (var (property, message) in team.Overrides?.Validate() ?? [])
            {
                errors[$"teams[{i}].overrides.{property}"] = [message];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The alert rule settings were not stored.");
        }

        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.AlertRuleSettings.ExecuteDeleteAsync(cancellationToken);
            db.AlertRuleSettings.Add(new AlertRuleSetting { Scope = AlertSettings.OrganisationScope, Overrides = request.Organisation ?? new AlertThresholdOverrides(), UpdatedAt = now });
            db.AlertRuleSettings.AddRange(teams.Select(t => new AlertRuleSetting
            {
                TeamId = t.TeamId,
                Scope = AlertSettings.TeamScope(t.TeamId!.Value),
                Overrides = t.Overrides ?? new AlertThresholdOverrides(),
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return TypedResults.Ok((await GetAlertRulesAsync(db, settings, options, cancellationToken)).Value!);
    }
}
