using System.Globalization;
using System.Text.Json;
using BacklogInsight.Sources.AzureDevOps;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

/// <summary>The shortcuts of the hot read path (pooled strings, the quick instant parser) read exactly what the general path reads.</summary>
public sealed class AzureDevOpsWireReadingTests
{
    [TestCase("2026-08-03T00:00:00Z")]
    [TestCase("2026-08-03T10:20:30.1Z")]
    [TestCase("2026-08-03T10:20:30.123Z")]
    [TestCase("2026-08-03T10:20:30.1234567Z")]
    [TestCase("2024-02-29T23:59:59.9999999Z")]
    [TestCase("2026-08-03T10:20:30.12345678Z")]
    [TestCase("2026-08-03T10:20:30+02:00")]
    [TestCase("2026-08-03T10:20:30")]
    [TestCase("2026-02-30T10:20:30Z")]
    [TestCase("2026-08-03T24:00:00Z")]
    [TestCase("2026-08-03T10:20:30.Z")]
    [TestCase("2026-08-03 10:20:30Z")]
    [TestCase("0001-01-01T00:00:00Z")]
    [TestCase("9999-01-01T00:00:00Z")]
    [TestCase("not a date at all, but 28 ch")]
    public void Date_AnyText_AsTheGeneralParserReadsIt(string text)
    {
        DateTimeOffset? expected = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            && date.Year is > 1 and < 9999
                ? date.ToUniversalTime()
                : null;

        var read = AdoValue.Date(text);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(expected));
            Assert.That(read?.Offset, Is.EqualTo(expected?.Offset));
        });
    }

    [Test]
    public void Update_FieldNamesAndIdentities_AreReadAsWrittenEvenWhenEscapedOrRepeated()
    {
        const string json = """
            {"id":3,"rev":2,"revisedBy":{"displayName":"Ana \u00c9lise","uniqueName":"ana@contoso.com","id":"a1"},
             "fields":{"System.State":{"oldValue":"New","newValue":"Active"},"Custom.\u0041rea":{"newValue":"Phoenix\\Web"},
                       "System.State":{"oldValue":"Active","newValue":"Resolved"},"System.Title":{"newValue":null}}}
            """;

        var first = JsonSerializer.Deserialize<AdoWorkItemUpdate>(json, AzureDevOpsJson.Options)!;
        var second = JsonSerializer.Deserialize<AdoWorkItemUpdate>(json, AzureDevOpsJson.Options)!;

        Assert.Multiple(() =>
        {
            Assert.That(first.Fields!.Keys, Is.EquivalentTo(new[] { "System.State", "Custom.Area", "System.Title" }));
            Assert.That(AdoValue.Text(first.Fields["System.State"].NewValue), Is.EqualTo("Resolved"), "a repeated key keeps the last value");
            Assert.That(AdoValue.Text(first.Fields["Custom.Area"].NewValue), Is.EqualTo("Phoenix\\Web"));
            Assert.That(first.Fields["System.Title"].NewValue?.Kind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(AdoIdentity.From(first.RevisedBy)!.DisplayName, Is.EqualTo("Ana Élise"));
            Assert.That(AdoIdentity.From(second.RevisedBy)!.Key, Is.EqualTo("ana@contoso.com"));
            Assert.That(second.Fields!.Keys, Is.EquivalentTo(first.Fields.Keys));
        });
    }

    [Test]
    public void WorkItem_NullFields_ReadAsEmpty()
    {
        var item = JsonSerializer.Deserialize<AdoWorkItem>("""{"id":1,"rev":1,"fields":null}""", AzureDevOpsJson.Options)!;

        Assert.That(item.Fields, Is.Empty);
    }
}
