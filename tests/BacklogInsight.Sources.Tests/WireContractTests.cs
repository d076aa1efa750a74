using System.Text.Json;
using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Sources.Jira;

namespace BacklogInsight.Sources.Tests;

/// <summary>
/// What the documented wire formats allow, read as the sources read them: every date form, and optional
/// collections sent as <c>null</c> instead of left out (an implementation written from the documentation may do either).
/// </summary>
[TestFixture]
public sealed class WireContractTests
{
    [TestCase("2024-01-01T10:00:00.000+0100", "2024-01-01T09:00:00.0000000+00:00")]
    [TestCase("2024-01-01T10:00:00.000-0530", "2024-01-01T15:30:00.0000000+00:00")]
    [TestCase("2024-01-01T10:00:00.000+01:00", "2024-01-01T09:00:00.0000000+00:00")]
    [TestCase("2024-01-01T10:00:00.000Z", "2024-01-01T10:00:00.0000000+00:00")]
    [TestCase("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.0000000+00:00")]
    [TestCase("2024-01-01T10:00:00+0100", "2024-01-01T09:00:00.0000000+00:00")]
    [TestCase("2024-01-01T10:00:00.12Z", "2024-01-01T10:00:00.1200000+00:00")]
    [TestCase("2024-01-01T10:00:00.1234567+01:00", "2024-01-01T09:00:00.1234567+00:00")]
    [TestCase("2024-02-29T23:59:59.999+0000", "2024-02-29T23:59:59.9990000+00:00")]
    public void JiraDate_EveryDocumentedForm_IsReadAsTheSameInstant(string text, string expected)
    {
        var history = JsonSerializer.Deserialize<JiraHistory>($$"""{"id":"1","created":"{{text}}","items":[]}""", JiraJson.Options)!;

        Assert.That(history.Created.ToString("O"), Is.EqualTo(expected));
    }

    [TestCase("1492070429", "2017-04-13T08:00:29.0000000+00:00")]
    [TestCase("1789487114594", "2026-09-15T15:45:14.5940000+00:00")]
    public void JiraDate_EpochNumber_IsSecondsOrMilliseconds(string number, string expected)
    {
        var history = JsonSerializer.Deserialize<JiraHistory>($$"""{"id":"1","created":{{number}}}""", JiraJson.Options)!;

        Assert.That(history.Created.ToString("O"), Is.EqualTo(expected));
    }

    [TestCase("2024-02-30T10:00:00.000+0100")]
    [TestCase("yesterday")]
    public void JiraDate_NotADate_SaysSo(string text) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JiraHistory>($$"""{"id":"1","created":"{{text}}"}""", JiraJson.Options));

    [Test]
    public void JiraSearchPage_NullCollectionsAndFields_ReadAsEmpty()
    {
        var page = JsonSerializer.Deserialize<JiraSearchPage>(
            """{"issues":[{"id":"10001","key":"PAY-1","fields":null,"changelog":{"histories":null,"total":0}}],"nextPageToken":null,"isLast":null}""",
            JiraJson.Options)!;
        var empty = JsonSerializer.Deserialize<JiraSearchPage>("""{"issues":null}""", JiraJson.Options)!;

        Assert.Multiple(() =>
        {
            Assert.That(page.Issues.Single().Fields, Is.Not.Null);
            Assert.That(page.Issues.Single().Changelog!.Histories, Is.Empty);
            Assert.That(page.IsLast, Is.Null);
            Assert.That(empty.Issues, Is.Empty);
            Assert.That(JsonSerializer.Deserialize<JiraPageBean<JiraHistory>>("""{"values":null}""", JiraJson.Options)!.Values, Is.Empty);
            Assert.That(JsonSerializer.Deserialize<JiraCommentPage>("""{"comments":null,"total":0}""", JiraJson.Options)!.Comments, Is.Empty);
        });
    }

    [TestCase("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.0000000+00:00")]
    [TestCase("2024-01-01T10:00:00.12Z", "2024-01-01T10:00:00.1200000+00:00")]
    [TestCase("2024-01-01T10:00:00.1234567Z", "2024-01-01T10:00:00.1234567+00:00")]
    [TestCase("2024-01-01T10:00:00", "2024-01-01T10:00:00.0000000+00:00")]
    [TestCase("2024-01-01T11:00:00.000+01:00", "2024-01-01T10:00:00.0000000+00:00")]
    public void AdoDate_WithAndWithoutFractionOrZone_IsUtc(string text, string expected) =>
        Assert.That(AdoValue.Date(text)!.Value.ToString("O"), Is.EqualTo(expected));

    [TestCase("9999-01-01T00:00:00Z")]
    [TestCase("0001-01-01T00:00:00")]
    public void AdoDate_Sentinels_AreNoDate(string text) => Assert.That(AdoValue.Date(text), Is.Null);

    [Test]
    public void AdoRecords_NullCollections_ReadAsEmpty()
    {
        var item = JsonSerializer.Deserialize<AdoWorkItem>("""{"id":1,"rev":1,"fields":null,"relations":null}""", AzureDevOpsJson.Options)!;
        var comments = JsonSerializer.Deserialize<AdoCommentList>("""{"comments":null,"continuationToken":null}""", AzureDevOpsJson.Options)!;
        var wiql = JsonSerializer.Deserialize<AdoWiqlResult>("""{"queryType":"flat","workItems":null}""", AzureDevOpsJson.Options)!;
        var update = JsonSerializer.Deserialize<AdoWorkItemUpdate>("""{"id":2,"rev":2,"relations":{"added":null}}""", AzureDevOpsJson.Options)!;

        Assert.Multiple(() =>
        {
            Assert.That(item.Fields, Is.Empty);
            Assert.That(comments.Comments, Is.Empty);
            Assert.That(wiql.WorkItems, Is.Empty);
            Assert.That(update.Relations!.Added, Is.Empty);
            Assert.That(update.Relations.Removed, Is.Empty);
        });
    }
}
