using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

public sealed class ActivityRecordParserTests
{
    private const string Valid =
        """{"id":"x-1","source":"azure-devops","item":{"key":"42","type":"Epic","hierarchyLevel":2,"summary":"S","description":"","labels":["a"],"status":"New"},"action":{"kind":"field_change","field":"Microsoft.VSTS.Common.StackRank","from":"10.5","to":"2","text":null},"actor":{"isAssignee":false,"isReporter":true,"isBot":false},"label":"strategic","why":"w"}""";

    [Test]
    public void Parse_ValidLine_MapsContextAndLabel()
    {
        var result = ActivityRecordParser.Parse(Valid);

        Assert.That(result.IsSuccess, Is.True, result.Error);
        var record = result.Record!;
        Assert.Multiple(() =>
        {
            Assert.That(record.Id, Is.EqualTo("x-1"));
            Assert.That(record.Label, Is.EqualTo(ActivityClass.Strategic));
            Assert.That(record.Context.Kind, Is.EqualTo(ActivityKind.FieldChanged));
            Assert.That(record.Context.Field, Is.EqualTo(CanonicalField.Rank));
            Assert.That(record.Context.HierarchyLevel, Is.EqualTo(2));
            Assert.That(record.Context.IsReporter, Is.True);
            Assert.That(record.Context.Labels, Is.EqualTo(new[] { "a" }));
        });
    }

    [Test]
    public void Parse_WithoutLabelAndWhy_Succeeds()
    {
        var line = Valid.Replace(""","label":"strategic","why":"w"}""", "}", StringComparison.Ordinal);

        var result = ActivityRecordParser.Parse(line);

        Assert.That(result.Record?.Label, Is.Null);
    }

    [TestCase("{not json", "bad JSON")]
    [TestCase("", "empty line")]
    [TestCase("[1,2]", "must be an object")]
    public void Parse_MalformedJson_ReturnsError(string line, string expected)
    {
        var result = ActivityRecordParser.Parse(line);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error, Does.Contain(expected));
        });
    }

    [Test]
    public void Parse_UnknownKind_NamesTheKind()
    {
        var result = ActivityRecordParser.Parse(Valid.Replace("field_change", "vote", StringComparison.Ordinal));

        Assert.That(result.Error, Does.Contain("unknown action kind 'vote'").And.Contain("x-1"));
    }

    [TestCase("\"hierarchyLevel\":2,", "", "item.hierarchyLevel")]
    [TestCase("\"id\":\"x-1\",", "", "'id'")]
    [TestCase("\"kind\":\"field_change\",", "", "action.kind")]
    [TestCase("\"actor\":{\"isAssignee\":false,\"isReporter\":true,\"isBot\":false},", "", "'actor'")]
    [TestCase("\"label\":\"strategic\"", "\"label\":\"important\"", "unknown label 'important'")]
    [TestCase("\"summary\":\"S\"", "\"summary\":{\"a\":1}", "'summary' must be a string")]
    public void Parse_MissingOrWrongField_SaysWhat(string remove, string replacement, string expected)
    {
        var result = ActivityRecordParser.Parse(Valid.Replace(remove, replacement, StringComparison.Ordinal));

        Assert.That(result.Error, Does.Contain(expected));
    }
}
