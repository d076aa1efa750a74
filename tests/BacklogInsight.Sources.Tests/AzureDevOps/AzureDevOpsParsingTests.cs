using System.Text.Json;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.AzureDevOps;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

public sealed class AzureDevOpsParsingTests
{
    [TestCase("\"Jamal Hartnett <fabrikamfiber4@hotmail.com>\"", "fabrikamfiber4@hotmail.com", "Jamal Hartnett")]
    [TestCase("\"Fabrikam <Dev> Team <FABRIKAM\\\\jamal>\"", "FABRIKAM\\jamal", "Fabrikam <Dev> Team")]
    [TestCase("""{"displayName":"Priya Raman","id":"0c7e3d52","uniqueName":"priya.raman@contoso.com"}""", "priya.raman@contoso.com", "Priya Raman")]
    [TestCase("""{"displayName":"Priya Raman","id":"0c7e3d52"}""", "0c7e3d52", "Priya Raman")]
    public void From_EitherWireForm_ReadsTheKeyAndName(string json, string key, string name)
    {
        var identity = AdoIdentity.From(JsonDocument.Parse(json).RootElement);

        Assert.Multiple(() =>
        {
            Assert.That(identity!.Key, Is.EqualTo(key));
            Assert.That(identity.DisplayName, Is.EqualTo(name));
        });
    }

    [TestCase("\"Jamal Hartnett <fabrikamfiber4@hotmail.com>\"", "fabrikamfiber4@hotmail.com", "Jamal Hartnett")]
    [TestCase("""{"displayName":"Priya Raman","url":"https://x","_links":{"avatar":{"href":"https://y"}},"id":"0c7e3d52","uniqueName":"priya.raman@contoso.com","descriptor":"aad.MGM3"}""", "priya.raman@contoso.com", "Priya Raman")]
    [TestCase("""{"displayName":"Priya Raman","id":"0c7e3d52","extra":[1,{"a":null}]}""", "0c7e3d52", "Priya Raman")]
    public void FieldValue_IdentityInEitherWireForm_ReadsTheKeyAndName(string json, string key, string name)
    {
        var value = JsonSerializer.Deserialize<AdoFieldValue>(json)!;

        Assert.Multiple(() =>
        {
            Assert.That(AdoIdentity.From(value)!.Key, Is.EqualTo(key));
            Assert.That(AdoIdentity.From(value)!.DisplayName, Is.EqualTo(name));
        });
    }

    [TestCase("42", "42", 42)]
    [TestCase("3.5", "3.5", null)]
    [TestCase("12345678901", "12345678901", null)]
    [TestCase("true", "true", null)]
    [TestCase("null", null, null)]
    [TestCase("[1,2]", null, null)]
    [TestCase("{}", null, null)]
    public void FieldValue_ScalarsAndOthers_ReadAsTheMapperExpects(string json, string? text, int? number)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, AdoFieldValue>>($$"""{"f":{{json}},"after":"still read"}""")!;

        Assert.Multiple(() =>
        {
            Assert.That(fields["f"].Text, Is.EqualTo(text));
            Assert.That(fields["f"].Int32, Is.EqualTo(number));
            Assert.That(fields["after"].Text, Is.EqualTo("still read"));
        });
    }

    [Test]
    public void From_EmptyObject_IsNull() => Assert.That(AdoIdentity.From(JsonDocument.Parse("{}").RootElement), Is.Null);

    [TestCase("svc.NmIy", "Project Collection Build Service (contoso)", true)]
    [TestCase("aadsp.ZjQ5", "deploy-bot", true)]
    [TestCase("aad.MGM3", "Contoso Build Service (Phoenix)", true)]
    [TestCase("aad.MGM3", "Priya Raman", false)]
    public void IsServiceAccount_DescriptorOrName_RecognisesServiceIdentities(string descriptor, string name, bool expected) =>
        Assert.That(AzureDevOpsMapper.IsServiceAccount(new AdoIdentity { Descriptor = descriptor, DisplayName = name }), Is.EqualTo(expected));

    [TestCase("User Story", "Resolved", StatusCategory.InProgress)]
    [TestCase("Bug", "Resolved", StatusCategory.InProgress)]
    [TestCase("Task", "Removed", StatusCategory.Done)]
    [TestCase("Product Backlog Item", "Committed", StatusCategory.InProgress)]
    [TestCase("Issue", "To Do", StatusCategory.ToDo)]
    [TestCase("Task", "Blocked", StatusCategory.Unknown)]
    public void CategoryOf_StateCategories_MapToStatusCategories(string type, string state, StatusCategory expected)
    {
        var context = new AzureDevOpsProjectContext();
        context.AddBacklogConfiguration(new AdoBacklogConfiguration
        {
            WorkItemTypeMappedStates =
            [
                new AdoTypeStates { WorkItemTypeName = "User Story", States = new() { ["Resolved"] = "InProgress" } },
                new AdoTypeStates { WorkItemTypeName = "Bug", States = new() { ["Resolved"] = "Resolved" } },
            ],
        });

        Assert.That(context.CategoryOf(type, state), Is.EqualTo(expected));
    }

    [TestCase("Task", -1)]
    [TestCase("Product Backlog Item", 0)]
    [TestCase("Requirement", 0)]
    [TestCase("Issue", 0)]
    [TestCase("Feature", 1)]
    [TestCase("Epic", 2)]
    public void LevelOf_WithoutBacklogConfiguration_FollowsTheUsualTypeNames(string type, int level) =>
        Assert.That(AzureDevOpsProjectContext.Empty.LevelOf(type), Is.EqualTo(level));

    [TestCase("Phoenix\\Checkout\\Wallet", "checkout")]
    [TestCase("Phoenix\\Payments", "payments-only")]
    [TestCase("Phoenix\\Payments\\Refunds", "root")]
    [TestCase("Atlas", null)]
    public void TeamOf_AreaPath_TakesTheLongestMatchRespectingIncludeChildren(string area, string? team)
    {
        var context = new AzureDevOpsProjectContext();
        context.AddTeam("root", new AdoTeamFieldValues { Values = [new() { Value = "Phoenix", IncludeChildren = true }] }, []);
        context.AddTeam("checkout", new AdoTeamFieldValues { Values = [new() { Value = "phoenix\\checkout", IncludeChildren = true }] }, []);
        context.AddTeam("payments-only", new AdoTeamFieldValues { Values = [new() { Value = "Phoenix\\Payments", IncludeChildren = false }] }, []);

        Assert.That(context.TeamOf(area), Is.EqualTo(team));
    }

    [TestCase("<div>Returning shoppers&nbsp;pay <b>faster</b>.</div><div><br></div><div>See the <a href=\"x\">wiki</a>.</div>", "Returning shoppers pay faster.\nSee the wiki.")]
    [TestCase("plain text, no tags", "plain text, no tags")]
    [TestCase("a < b and c > d", "a < b and c > d")]
    [TestCase("<style>p{}</style><p>kept</p><script>alert(1)</script>", "kept")]
    [TestCase("<div></div>", null)]
    public void ToPlainText_HtmlFragments_KeepsTheWordsAndLineBreaks(string html, string? expected) =>
        Assert.That(HtmlText.ToPlainText(html), Is.EqualTo(expected));
}
