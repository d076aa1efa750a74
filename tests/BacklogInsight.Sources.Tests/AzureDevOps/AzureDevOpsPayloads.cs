using System.Text.Json.Nodes;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

/// <summary>The vendor-shaped JSON files under Payloads/AzureDevOps.</summary>
internal static class AzureDevOpsPayloads
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Payloads", "AzureDevOps", name));

    public static JsonNode Node(string name) => JsonNode.Parse(Read(name))!;
}
