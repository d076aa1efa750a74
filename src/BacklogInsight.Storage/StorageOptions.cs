using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Storage;

/// <summary>Where BacklogInsight keeps its data. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The database provider: <c>sqlite</c> (the default; PostgreSQL arrives with the scale-out work).</summary>
    [Required, RegularExpression("^sqlite$", ErrorMessage = "Storage:Provider must be 'sqlite'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// The connection string. Empty: a SQLite file at <see cref="DataDirectory"/>/backlog-insight.db.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder for the SQLite database, the job store and the key ring; created when missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Applies pending migrations when the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>The effective SQLite connection string.</summary>
    public string ResolveSqliteConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "backlog-insight.db")};Default Timeout=30"
            : ConnectionString;
}
