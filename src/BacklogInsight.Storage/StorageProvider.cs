namespace BacklogInsight.Storage;

/// <summary>The values of <c>Storage:Provider</c>.</summary>
public static class StorageProvider
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";
}
