using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Postgres;

/// <summary>
/// PostgreSQL flavour of <see cref="BacklogDbContext"/>: the shared model as it is (instants as <c>timestamptz</c>,
/// always UTC inside), with its own migrations.
/// </summary>
public sealed class PostgresBacklogDbContext(DbContextOptions<PostgresBacklogDbContext> options) : BacklogDbContext(options);
