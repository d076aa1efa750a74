using System.Text.Json.Nodes;
using BacklogInsight.Workers.Connections;
using Microsoft.Extensions.Configuration;

namespace BacklogInsight.Api.Tests.Connections;

[TestFixture]
public sealed class ConfiguredConnectionsTests
{
    [Test]
    public void Read_SettingsWithListsNumbersAndFlags_RestoresTheirJsonTypes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connections:0:Name"] = "acme-jira",
            ["Connections:0:Kind"] = "jira",
            ["Connections:0:Settings:projects:0"] = "PAY",
            ["Connections:0:Settings:projects:1"] = "MOB",
            ["Connections:0:Settings:pageSize"] = "50",
            ["Connections:0:Settings:verbose"] = "true",
            ["Connections:0:Settings:email"] = "ops@acme.example",
            ["Connections:0:Secrets:token"] = "t0k3n",
        }).Build();

        var definition = ConfiguredConnections.Read(configuration).Single();

        var settings = JsonNode.Parse(definition.SettingsJson)!;
        Assert.That(settings["projects"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "PAY", "MOB" }));
        Assert.That(settings["pageSize"]!.GetValue<long>(), Is.EqualTo(50));
        Assert.That(settings["verbose"]!.GetValue<bool>(), Is.True);
        Assert.That(settings["email"]!.GetValue<string>(), Is.EqualTo("ops@acme.example"));
        Assert.That(definition.Secrets["token"], Is.EqualTo("t0k3n"));
    }
}
