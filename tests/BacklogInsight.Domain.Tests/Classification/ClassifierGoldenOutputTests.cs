using System.Globalization;
using System.Text;
using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

/// <summary>
/// Pins every field the classifier writes (class, confidence, rule, reasons, taxonomy version) for the labelled sets
/// and for seeded variations of them (other levels, actors, automation names, statuses, kinds, fields and texts), so a
/// change made for speed cannot change a single output. The expected lines were captured from the classifier before it
/// was tuned. After a deliberate change of the taxonomy or the reasons, set <c>BACKLOG_WRITE_CLASSIFIER_GOLDEN</c> to
/// the path of <c>Data/classifier-golden.tsv</c> in the source tree and run this test once to write it again.
/// </summary>
public sealed class ClassifierGoldenOutputTests
{
    private const int VariantsPerRecord = 5;

    private static readonly string DataDirectory = Path.Combine(TestContext.CurrentContext.TestDirectory, "Classification", "Data");

    private static readonly string?[] Statuses =
        [null, "To Do", " to do ", "In Progress", "Code Review", "PO Review", "Ready for QA", "Done", "Blocked", "Funnel", "Resolved"];

    private static readonly string?[] ActorNames =
        [null, "", "Dana Weber", "Sam Jenkins", "Priya Raman", "Automation for Jira", "Jenkins CI", "Jenkinsson", "deploy[bot]", "svc-release", "SVC-RELEASE ", "GitHub"];

    private static readonly string[] ItemTypes = ["Story", "Epic", "Idea", "Bug", "Sub-task", "Feature", "Product Backlog Item", "Task"];

    [Test]
    public void Classify_LabelledSetsAndVariations_EveryOutputAsCaptured()
    {
        var actual = Classify(new ActivityClassifier(serviceAccounts: ["svc-release"]), Contexts());
        var writeTo = Environment.GetEnvironmentVariable("BACKLOG_WRITE_CLASSIFIER_GOLDEN");
        if (!string.IsNullOrEmpty(writeTo))
        {
            File.WriteAllLines(writeTo, actual, new UTF8Encoding(false));
        }

        var expected = File.ReadAllLines(Path.Combine(DataDirectory, "classifier-golden.tsv"));

        Assert.That(actual, Has.Count.EqualTo(expected.Length));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.That(actual[i], Is.EqualTo(expected[i]), $"line {i + 1}");
        }
    }

    [Test]
    public void Classify_SameContextOnManyThreads_SameOutputsAsOneThread()
    {
        var contexts = Contexts().ToList();
        var classifier = new ActivityClassifier(serviceAccounts: ["svc-release"]);
        var expected = Classify(new ActivityClassifier(serviceAccounts: ["svc-release"]), contexts);

        var results = new List<string>[4];
        Parallel.For(0, results.Length, n => results[n] = Classify(classifier, n % 2 == 0 ? contexts : Enumerable.Reverse(contexts)));

        Assert.Multiple(() =>
        {
            Assert.That(results[0], Is.EqualTo(expected));
            Assert.That(results[2], Is.EqualTo(expected));
            Assert.That(Enumerable.Reverse(results[1]), Is.EqualTo(expected));
            Assert.That(Enumerable.Reverse(results[3]), Is.EqualTo(expected));
        });
    }

    private static List<string> Classify(ActivityClassifier classifier, IEnumerable<(string Id, ActivityContext Context)> contexts) =>
        contexts.Select(c => Line(c.Id, classifier.Classify(c.Context))).ToList();

    private static string Line(string id, Domain.Model.Classification result) => string.Join(
        '\t',
        id,
        result.Class.ToString(),
        result.Confidence.ToString("R", CultureInfo.InvariantCulture),
        result.RuleId,
        result.TaxonomyVersion,
        string.Join(" | ", result.Reasons).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));

    /// <summary>The labelled records, then <see cref="VariantsPerRecord"/> seeded variations of each dev-set record.</summary>
    private static IEnumerable<(string Id, ActivityContext Context)> Contexts()
    {
        var records = new[] { "activity-dev.jsonl", "probe-other-domains.jsonl" }
            .SelectMany(file => File.ReadLines(Path.Combine(DataDirectory, file)))
            .Select(line => ActivityRecordParser.Parse(line).Record ?? throw new InvalidOperationException(line))
            .ToList();
        foreach (var record in records)
        {
            yield return (record.Id, record.Context);
        }

        var random = new Random(20261128);
        foreach (var record in records)
        {
            for (var v = 1; v <= VariantsPerRecord; v++)
            {
                yield return ($"{record.Id}~{v}", Vary(record.Context, records, random));
            }
        }
    }

    private static ActivityContext Vary(ActivityContext context, List<ActivityRecord> records, Random random)
    {
        bool Flip() => random.Next(2) == 0;
        ActivityContext Other() => records[random.Next(records.Count)].Context;

        if (Flip())
        {
            context = context with { HierarchyLevel = random.Next(-1, 3) };
        }

        if (Flip())
        {
            context = context with { ItemType = ItemTypes[random.Next(ItemTypes.Length)] };
        }

        if (Flip())
        {
            context = context with { IsAssignee = Flip(), IsReporter = Flip(), IsBot = random.Next(8) == 0 };
        }

        if (random.Next(4) == 0)
        {
            context = context with { ActorName = ActorNames[random.Next(ActorNames.Length)] };
        }

        if (Flip())
        {
            context = context with { Status = Statuses[random.Next(Statuses.Length)] };
        }

        if (Flip())
        {
            var other = Other();
            context = context with { Kind = other.Kind, Field = other.Field, SourceField = other.SourceField, From = other.From, To = other.To };
        }

        if (Flip())
        {
            context = context with { Text = Other().Text };
        }

        if (random.Next(4) == 0)
        {
            var other = Other();
            context = context with { Summary = other.Summary, Description = other.Description, Source = other.Source };
        }

        return context;
    }
}
