using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BacklogInsight.Storage.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without the host or a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBacklogDbContext>
{
    public PostgresBacklogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBacklogDbContext>().UseNpgsql("Host=localhost;Database=backlog_insight_design").Options);
}
