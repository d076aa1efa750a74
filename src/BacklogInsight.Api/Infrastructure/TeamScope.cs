using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>Resolves the <c>team</c> filter of list endpoints to the team and the work items on its backlog.</summary>
public static class TeamScope
{
    public static Task<Team?> FindAsync(BacklogDbContext db, long teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken);

    public static IQueryable<string> WorkItemIds(BacklogDbContext db, Team team) =>
        db.WorkItems.Where(w => w.ConnectionId == team.ConnectionId && w.TeamSourceId == team.SourceId).Select(w => w.SourceId);
}
