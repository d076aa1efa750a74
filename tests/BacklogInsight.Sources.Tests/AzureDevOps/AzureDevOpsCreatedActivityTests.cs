using System.Text.Json;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.AzureDevOps;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

/// <summary>The "created" activity of a work item says what the item was created as, whenever it is read.</summary>
public sealed class AzureDevOpsCreatedActivityTests
{
    private static readonly AzureDevOpsMapper Mapper = new(AzureDevOpsTestHost.Connection("https://dev.azure.com/contoso"));

    [Test]
    public void ToActivities_RenamedAfterCreation_CreatedTextIsTheFirstRevisionsTitle()
    {
        var item = Item("Refund emails arrive twice (renamed)");
        var updates = new[]
        {
            Update(1, """{"System.Rev":{"newValue":1},"System.Title":{"newValue":"Refund emails arrive twice"}}"""),
            Update(2, """{"System.Rev":{"oldValue":1,"newValue":2},"System.Title":{"oldValue":"Refund emails arrive twice","newValue":"Refund emails arrive twice (renamed)"}}"""),
        };

        var created = Mapper.ToActivities(item, updates, []).Single(a => a.Kind == ActivityKind.Created);

        Assert.That(created.Text, Is.EqualTo("Refund emails arrive twice"));
    }

    [Test]
    public void ToActivities_FirstRevisionWithoutTitle_CreatedTextIsTheCurrentTitle()
    {
        var item = Item("Settlement report totals");
        var updates = new[] { Update(1, """{"System.Rev":{"newValue":1}}""") };

        var created = Mapper.ToActivities(item, updates, []).Single(a => a.Kind == ActivityKind.Created);

        Assert.That(created.Text, Is.EqualTo("Settlement report totals"));
    }

    [Test]
    public void ToActivities_NoUpdatesRead_CreatedTextIsTheCurrentTitle()
    {
        var created = Mapper.ToActivities(Item("Settlement report totals"), [], []).Single(a => a.Kind == ActivityKind.Created);

        Assert.That(created.Text, Is.EqualTo("Settlement report totals"));
    }

    private static AdoWorkItem Item(string title) => new()
    {
        Id = 42,
        Rev = 2,
        Fields = JsonSerializer.Deserialize<Dictionary<string, AdoFieldValue>>(
            $$"""{"System.Title":{{JsonSerializer.Serialize(title)}},"System.CreatedDate":"2026-10-01T09:00:00Z","System.ChangedDate":"2026-10-05T09:00:00Z"}""")!,
    };

    private static AdoWorkItemUpdate Update(int rev, string fields) => new()
    {
        Id = rev,
        WorkItemId = 42,
        Rev = rev,
        RevisedDate = "2026-10-0" + (rev + 1) + "T09:00:00Z",
        Fields = JsonSerializer.Deserialize<Dictionary<string, AdoFieldChange>>(fields, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
    };
}
