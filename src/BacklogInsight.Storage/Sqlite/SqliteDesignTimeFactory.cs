using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BacklogInsight.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBacklogDbContext>
{
    public SqliteBacklogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBacklogDbContext>().UseSqlite("Data Source=design.db").Options);
}
