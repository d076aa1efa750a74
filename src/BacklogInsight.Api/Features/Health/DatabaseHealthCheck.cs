using BacklogInsight.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BacklogInsight.Api.Features.Health;

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(BacklogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
