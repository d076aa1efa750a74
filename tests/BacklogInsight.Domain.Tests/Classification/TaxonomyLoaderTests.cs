using System.Text;
using BacklogInsight.Domain.Classification;

namespace BacklogInsight.Domain.Tests.Classification;

public sealed class TaxonomyLoaderTests
{
    private const string Minimal = """
        {
          "version": "test-1",
          "states": { "notStarted": [ "To Do" ], "done": [ "Done" ] },
          "cues": [ { "set": "tactical", "phrases": [ "backlog" ] } ],
          "rules": [
            { "id": "P4.rank", "class": "tactical", "when": { "fields": [ "Rank" ] }, "reason": "rank" },
            { "id": "default", "class": "delivery", "reason": "fallback" }
          ]
        }
        """;

    [Test]
    public void Default_EmbeddedTaxonomy_LoadsWithVersion()
    {
        var taxonomy = TaxonomyLoader.Default;

        Assert.Multiple(() =>
        {
            Assert.That(taxonomy.Version, Is.EqualTo("1.0.1"));
            Assert.That(taxonomy.Rules[^1].IsCatchAll, Is.True);
        });
    }

    [Test]
    public void Load_Stream_ReadsCallerTaxonomy()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Minimal));

        var taxonomy = TaxonomyLoader.Load(stream);

        Assert.That(taxonomy.Version, Is.EqualTo("test-1"));
    }

    [Test]
    public void Parse_CallerTaxonomy_DrivesClassifier()
    {
        var sut = new ActivityClassifier(TaxonomyLoader.Parse(Minimal));

        var result = sut.Classify(new ActivityContextBuilder().WithChange("Rank", "", "Ranked higher").Build());

        Assert.Multiple(() =>
        {
            Assert.That(result.RuleId, Is.EqualTo("P4.rank"));
            Assert.That(result.TaxonomyVersion, Is.EqualTo("test-1"));
        });
    }

    [TestCase("\"fields\": [ \"Rank\" ]", "\"fields\": [ \"Rnak\" ]", "rule 'P4.rank': unknown field 'Rnak'")]
    [TestCase("\"fields\": [ \"Rank\" ]", "\"kinds\": [ \"vote\" ]", "rule 'P4.rank': unknown action kind 'vote'")]
    [TestCase("\"fields\": [ \"Rank\" ]", "\"from\": [ \"limbo\" ]", "rule 'P4.rank': unknown state list 'limbo'")]
    [TestCase("\"fields\": [ \"Rank\" ]", "\"fieldz\": [ \"Rank\" ]", "rule 'P4.rank': unknown condition 'fieldz'")]
    [TestCase("\"fields\": [ \"Rank\" ]", "\"cues\": [ { \"set\": \"gossip\", \"in\": \"action\" } ]", "rule 'P4.rank': unknown cue set 'gossip'")]
    [TestCase("\"class\": \"tactical\"", "\"class\": \"heroic\"", "rule 'P4.rank': unknown class 'heroic'")]
    [TestCase("\"id\": \"P4.rank\"", "\"id\": \"rank\"", "rule 'rank': the id must start with a precedence step")]
    [TestCase("\"id\": \"P4.rank\"", "\"id\": \"default\"", "rule 'default': the id is used twice")]
    [TestCase("\"id\": \"default\", \"class\": \"delivery\"", "\"id\": \"default\", \"when\": { \"scopes\": [ \"team\" ] }, \"class\": \"delivery\"", "rule 'default': the last rule must have no conditions")]
    [TestCase("\"version\": \"test-1\",", "", "taxonomy: 'version' is missing")]
    [TestCase("\"notStarted\"", "\"unstarted\"", "section 'states': the list 'notStarted' is missing")]
    [TestCase("\"set\": \"tactical\"", "\"set\": \"tactical\", \"weight\": 99", "weight 99 is outside 1..10")]
    [TestCase("\"reason\": \"rank\"", "\"reason\": \"rank\", \"confidence\": 3", "rule 'P4.rank': 'confidence' must be a number between 0 and 1")]
    [TestCase("\"rules\": [", "\"rules\": [ {", "not valid JSON")]
    public void Parse_MalformedTaxonomy_ThrowsNamingRuleAndProblem(string find, string replace, string expected)
    {
        var json = Minimal.Replace(find, replace, StringComparison.Ordinal);

        var exception = Assert.Throws<TaxonomyException>(() => TaxonomyLoader.Parse(json));

        Assert.That(exception!.Message, Does.Contain(expected));
    }

    [Test]
    public void Parse_RulesOutOfPrecedenceOrder_Throws()
    {
        var json = Minimal.Replace(
            "{ \"id\": \"P4.rank\"",
            "{ \"id\": \"P5.late\", \"class\": \"delivery\", \"when\": { \"fields\": [ \"Sprint\" ] }, \"reason\": \"x\" },\n    { \"id\": \"P4.rank\"",
            StringComparison.Ordinal);

        var exception = Assert.Throws<TaxonomyException>(() => TaxonomyLoader.Parse(json));

        Assert.That(exception!.Message, Does.Contain("rule 'P4.rank': listed after a rule of a later precedence step"));
    }
}
