using System.Text.Json;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// A position in the Azure DevOps change stream, stored as JSON:
/// <c>{"v":1,"source":"azure-devops","scopes":{"Phoenix":{"changed":"2025-03-12T15:40:09.3Z","ids":[4211]}}}</c>. Per query scope (a project,
/// or <c>*</c> for the organisation), <c>changed</c> is the <c>System.ChangedDate</c> high-water mark of the stored
/// work items (UTC) and <c>ids</c> the items stored at exactly that instant. The next query asks for
/// <c>ChangedDate &gt;= changed</c> minus those ids (unless they changed again), so a run without changes is one
/// WIQL query per scope and a resumed run neither skips nor repeats.
/// </summary>
internal sealed record AzureDevOpsCheckpoint
{
    /// <summary>Past this many ids at one instant the exclusion is dropped (they are re-read instead): WIQL text is capped at 32K.</summary>
    public const int MaxIds = 1000;

    public int V { get; init; } = 1;

    /// <summary>Tells this source's checkpoints from another source's (Jira's are also version 1).</summary>
    public string? Source { get; init; }

    public Dictionary<string, AzureDevOpsScopeMark> Scopes { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public static AzureDevOpsCheckpoint Empty { get; } = new() { Source = SourceKinds.AzureDevOps };

    /// <exception cref="FormatException">The value was not written by the Azure DevOps source.</exception>
    public static AzureDevOpsCheckpoint Parse(SyncCheckpoint checkpoint)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<AzureDevOpsCheckpoint>(checkpoint.Value, AzureDevOpsJson.Options);
            if (parsed is { V: 1, Source: SourceKinds.AzureDevOps, Scopes: not null })
            {
                return parsed with { Scopes = new(parsed.Scopes, StringComparer.OrdinalIgnoreCase) };
            }
        }
        catch (JsonException)
        {
        }

        throw new FormatException($"'{checkpoint.Value}' is not an Azure DevOps source checkpoint.");
    }

    public AzureDevOpsScopeMark? MarkOf(string scope) => Scopes.GetValueOrDefault(scope);

    /// <summary>The checkpoint after storing work items last changed at <paramref name="stored"/> in <paramref name="scope"/>.</summary>
    public AzureDevOpsCheckpoint Advance(string scope, IEnumerable<(int Id, DateTimeOffset Changed)> stored)
    {
        var mark = MarkOf(scope);
        foreach (var (id, changed) in stored)
        {
            var utc = changed.ToUniversalTime();
            if (mark is null || utc > mark.Changed)
            {
                mark = new AzureDevOpsScopeMark { Changed = utc, Ids = [id] };
            }
            else if (utc == mark.Changed && !mark.Ids.Contains(id))
            {
                mark = mark with { Ids = [.. mark.Ids, id] };
            }
        }

        if (mark is null || mark == MarkOf(scope))
        {
            return this;
        }

        return this with { Scopes = new(Scopes, StringComparer.OrdinalIgnoreCase) { [scope] = mark } };
    }

    public SyncCheckpoint ToSyncCheckpoint() => new(JsonSerializer.Serialize(this, AzureDevOpsJson.Options));
}
