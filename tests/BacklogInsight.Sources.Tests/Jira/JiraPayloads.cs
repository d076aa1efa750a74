using System.Text.Json.Nodes;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>The vendor-shaped JSON files under Payloads/Jira, and small edits of them.</summary>
internal static class JiraPayloads
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Payloads", "Jira", name));

    public static JsonNode Node(string name) => JsonNode.Parse(Read(name))!;

    /// <summary>
    /// The 46 histories of PAY-412, oldest first: the 5 of issue-changelog.json, 38 made up, and the 3 the search
    /// page embeds, so a changelog fake can serve any startAt.
    /// </summary>
    public static List<JsonNode> Pay412Histories()
    {
        var histories = Node("issue-changelog.json")["values"]!.AsArray().Select(h => h!.DeepClone()).ToList();
        for (var i = 0; i < 38; i++)
        {
            histories.Add(JsonNode.Parse($$"""
                { "id": "{{57000 + i}}", "author": { "accountId": "5f3c9a7e2b1d4c006f8e1a21", "displayName": "Dana Whitfield", "active": true },
                  "created": "2023-12-16T10:{{i:00}}:00.000+0000",
                  "items": [ { "field": "labels", "fieldtype": "jira", "fieldId": "labels", "from": null, "fromString": "", "to": null, "toString": "l{{i}}" } ] }
                """)!);
        }

        var embedded = Node("search-jql-page1.json")["issues"]![0]!["changelog"]!["histories"]!.AsArray();
        histories.AddRange(embedded.Reverse().Select(h => h!.DeepClone()));
        return histories;
    }

    /// <summary>A PageBean of <paramref name="all"/> from <paramref name="startAt"/>, as Jira pages a changelog.</summary>
    public static string ChangelogPage(List<JsonNode> all, int startAt, int maxResults)
    {
        var values = new JsonArray([.. all.Skip(startAt).Take(maxResults).Select(h => h.DeepClone())]);
        return new JsonObject
        {
            ["startAt"] = startAt,
            ["maxResults"] = maxResults,
            ["total"] = all.Count,
            ["isLast"] = startAt + maxResults >= all.Count,
            ["values"] = values,
        }.ToJsonString();
    }

    public static string EmptyComments() => """{ "startAt": 0, "maxResults": 100, "total": 0, "comments": [] }""";
}
