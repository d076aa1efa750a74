using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Storage;

/// <summary>Where BacklogInsight keeps its data. Section <c>Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>
    /// The database provider: <c>sqlite</c> (one process, a file; the default) or <c>postgres</c> (shared by any number
    /// of API and worker processes; needs <see cref="ConnectionString"/>).
    /// </summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The connection string. SQLite: empty means a file at <see cref="DataDirectory"/>/backlog-insight.db.
    /// PostgreSQL: required, e.g. <c>Host=db;Database=backlog;Username=backlog;Password=…</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder for the SQLite database, the job store and the key ring; created when missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Applies pending migrations when the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>The effective SQLite connection string.</summary>
    public string ResolveSqliteConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "backlog-insight.db")};Default Timeout=30"
            : ConnectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is required when Storage:Provider is 'postgres' (Host=…;Database=…;Username=…;Password=…).",
                [nameof(ConnectionString)]);
        }
    }
}
