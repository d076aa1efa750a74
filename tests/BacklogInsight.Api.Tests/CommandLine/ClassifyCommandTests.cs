using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.CommandLine;

/// <summary><c>classify</c>, <c>evaluate</c> and a bad taxonomy file, in a real process.</summary>
[TestFixture]
public sealed class ClassifyCommandTests
{
    private const string RankOnStory = """{"id":"r1","source":"jira","item":{"key":"A-1","type":"Story","hierarchyLevel":0,"summary":"Export invoices","description":"","labels":[],"status":"To Do"},"action":{"kind":"field_change","field":"Rank","from":"","to":"Ranked higher","text":null},"actor":{"isAssignee":false,"isReporter":false,"isBot":false},"label":"tactical","why":"orders the team backlog"}""";
    private const string BotComment = """{"id":"r2","source":"jira","item":{"key":"A-2","type":"Task","hierarchyLevel":0,"summary":"Nightly build","description":"","labels":[],"status":"Done"},"action":{"kind":"comment","field":null,"from":null,"to":null,"text":"Build #4411 passed"},"actor":{"isAssignee":false,"isReporter":false,"isBot":true},"label":"other"}""";

    [Test]
    public async Task Classify_FileWithABadLine_WritesPredictionsAndReportsTheLine()
    {
        using var folder = new TempDirectory();
        var input = Path.Combine(folder.Path, "records.jsonl");
        var output = Path.Combine(folder.Path, "out.jsonl");
        await File.WriteAllLinesAsync(input, [RankOnStory, "{\"id\": 3, oops", BotComment]);

        using var run = await ServiceProcess.RunToEndAsync(["classify", "--input", input, "--output", output]);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("records.jsonl:2: skipped"));
        var lines = await File.ReadAllLinesAsync(output);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.Contain("\"predicted\":\"tactical\"").And.Contain("\"reasons\":["));
        Assert.That(lines[1], Does.Contain("\"predicted\":\"other\""));
    }

    [Test]
    public async Task Evaluate_LabelledFile_PrintsMetricsAndConfusion()
    {
        using var folder = new TempDirectory();
        var input = Path.Combine(folder.Path, "labelled.jsonl");
        await File.WriteAllLinesAsync(input, [RankOnStory, BotComment]);

        using var run = await ServiceProcess.RunToEndAsync(["evaluate", "--input", input]);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("macro-F1").And.Contain("confusion"));
    }

    [Test]
    public async Task Serve_MalformedTaxonomyFile_StopsStartUpNamingTheProblem()
    {
        using var folder = new TempDirectory();
        var taxonomy = Path.Combine(folder.Path, "taxonomy.json");
        await File.WriteAllTextAsync(taxonomy, """{"version": "x", "rules": [{"id": "P4.rank", "class": "visionary"}]}""");

        using var run = await ServiceProcess.RunToEndAsync(
            ["serve", "--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={folder.Path}", $"--Classification:TaxonomyPath={taxonomy}"]);

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Output, Does.Contain("taxonomy").IgnoreCase);
    }
}
