using System.Net;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Workers.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Features;

/// <summary>Activities are classified as they are stored; people can correct them; corrections survive and export.</summary>
[TestFixture]
public sealed class ClassificationTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task SyncSampleOrganisation()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _client = _factory.CreateClient();
        await _factory.CreateAndSyncSampleAsync(_client);
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task GetActivities_AfterSync_EveryActivityHasAClassWithReasons()
    {
        var page = await ApiJson.ReadAsync(await _client.GetAsync("/api/activities?limit=1000"));

        foreach (var activity in page["items"]!.AsArray())
        {
            var classification = activity!["classification"]!;
            Assert.That(classification["class"]!.GetValue<string>(), Is.AnyOf("strategic", "tactical", "delivery", "other"));
            Assert.That(classification["confidence"]!.GetValue<double>(), Is.InRange(0.0, 1.0));
            Assert.That(classification["ruleId"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(classification["reasons"]!.AsArray(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task PutClass_ThenReclassify_TheCorrectionWinsAndIsAudited()
    {
        var activity = (await ApiJson.ReadAsync(await _client.GetAsync("/api/activities?kind=commented&limit=1")))["items"]![0]!;
        var id = activity["id"]!.GetValue<long>();
        var before = activity["classification"]!["class"]!.GetValue<string>();
        var corrected = before == "strategic" ? "tactical" : "strategic";

        var put = await _client.PutAsJsonAsync($"/api/activities/{id}/class", new { @class = corrected, reason = "Roadmap commitment to the board", by = "Maria (head of product)" });
        await RunReclassificationAsync();

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        var after = await FindActivityAsync(id);
        Assert.That(after["classification"]!["class"]!.GetValue<string>(), Is.EqualTo(corrected));
        Assert.That(after["classification"]!["ruleId"]!.GetValue<string>(), Is.EqualTo("override"));
        var history = (await ApiJson.ReadAsync(await _client.GetAsync($"/api/activities/{id}/class-history"))).AsArray();
        Assert.That(history, Has.Count.EqualTo(1));
        Assert.That(history[0]!["previousClass"]!.GetValue<string>(), Is.EqualTo(before));
        Assert.That(history[0]!["by"]!.GetValue<string>(), Is.EqualTo("Maria (head of product)"));
    }

    [Test]
    public async Task GetOverrides_AfterACorrection_ExportsItAsALabelledRecordTheClassifierCanRead()
    {
        var id = (await ApiJson.ReadAsync(await _client.GetAsync("/api/activities?kind=transitioned&limit=1")))["items"]![0]!["id"]!.GetValue<long>();
        await _client.PutAsJsonAsync($"/api/activities/{id}/class", new { @class = "other", reason = "Workflow migration", by = "ops" });

        var export = await _client.GetStringAsync("/api/classification/overrides");

        var line = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains($"\"a{id}\"", StringComparison.Ordinal));
        using var content = new StringContent(line, Encoding.UTF8, "application/x-ndjson");
        var classified = await ApiJson.ReadAsync(await _client.PostAsync("/api/classify", content));
        Assert.That(classified["errors"]!.AsArray(), Is.Empty);
        Assert.That(classified["results"]![0]!["label"]!.GetValue<string>(), Is.EqualTo("other"));
        Assert.That(classified["results"]![0]!["action"]!["kind"]!.GetValue<string>(), Is.EqualTo("transition"));
    }

    [Test]
    public async Task Reclassify_ActivitiesOfAnOlderTaxonomy_AreClassifiedAgainWithoutResync()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BacklogInsight.Storage.BacklogDbContext>();
            var stale = await db.Activities.Where(a => a.Classification!.RuleId != "override").OrderBy(a => a.Id).Take(300).ToListAsync();
            foreach (var activity in stale)
            {
                activity.Classification = activity.Classification! with { TaxonomyVersion = "0.9", Class = BacklogInsight.Domain.Model.ActivityClass.Other, RuleId = "old" };
            }

            await db.SaveChangesAsync();
        }

        var waiting = (await ApiJson.ReadAsync(await _client.GetAsync("/api/classification")))["activitiesAwaitingReclassification"]!.GetValue<int>();
        await RunReclassificationAsync();

        var after = await ApiJson.ReadAsync(await _client.GetAsync("/api/classification"));
        Assert.That(waiting, Is.EqualTo(300));
        Assert.That(after["activitiesAwaitingReclassification"]!.GetValue<int>(), Is.Zero);
        var first = await ApiJson.ReadAsync(await _client.GetAsync("/api/activities?limit=300"));
        Assert.That(first["items"]!.AsArray().Select(a => a!["classification"]!["ruleId"]!.GetValue<string>()), Has.None.EqualTo("old"));
    }

    [TestCase("{\"class\": \"visionary\", \"reason\": \"x\", \"by\": \"me\"}", "class")]
    [TestCase("{\"class\": \"tactical\", \"by\": \"me\"}", "reason")]
    [TestCase("{\"class\": \"tactical\", \"reason\": \"x\"}", "by")]
    public async Task PutClass_Invalid_NamesTheField(string body, string field)
    {
        var id = (await ApiJson.ReadAsync(await _client.GetAsync("/api/activities?limit=1")))["items"]![0]!["id"]!.GetValue<long>();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _client.PutAsync($"/api/activities/{id}/class", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ApiJson.ReadAsync(response))["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task PutClass_UnknownActivity_IsNotFound()
    {
        var response = await _client.PutAsJsonAsync("/api/activities/987654321/class", new { @class = "tactical", reason = "x", by = "me" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PostClassify_MalformedLines_AreReportedByNumberAndSkipped()
    {
        var good = """{"id":"x1","source":"jira","item":{"key":"A-1","type":"Story","hierarchyLevel":0,"summary":"Export","description":"","labels":[],"status":"To Do"},"action":{"kind":"field_change","field":"Rank","from":"","to":"Ranked higher","text":null},"actor":{"isAssignee":false,"isReporter":false,"isBot":false}}""";
        var body = string.Join('\n', good, "{not json", """{"id":"x2","source":"jira","item":{"type":"Story"},"action":{"kind":"teleport"},"actor":{}}""", good.Replace("x1", "x3", StringComparison.Ordinal));
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");

        var response = await ApiJson.ReadAsync(await _client.PostAsync("/api/classify", content));

        Assert.That(response["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "x1", "x3" }));
        Assert.That(response["results"]![0]!["predicted"]!.GetValue<string>(), Is.EqualTo("tactical"));
        Assert.That(response["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 3 }));
    }

    private async Task RunReclassificationAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReclassifyActivitiesJob>().RunAsync(CancellationToken.None);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> FindActivityAsync(long id)
    {
        var page = await ApiJson.ReadAsync(await _client.GetAsync($"/api/activities?cursor={Uri.EscapeDataString(Infrastructure.CursorFor.Before(id))}&limit=1"));
        return page["items"]![0]!;
    }
}
