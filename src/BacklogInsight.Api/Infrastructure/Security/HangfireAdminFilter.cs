using Hangfire.Dashboard;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>The job dashboard can delete and re-run jobs: admins only (signed in to the dashboard, or with an admin key).</summary>
public sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.HasClaim(ApiScopes.ClaimType, ApiScopes.Admin);
}
