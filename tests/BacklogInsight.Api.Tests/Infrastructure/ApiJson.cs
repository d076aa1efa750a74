using System.Text.Json;
using System.Text.Json.Nodes;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>Reads responses as JSON trees, so tests assert the wire format clients see.</summary>
public static class ApiJson
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new JsonException($"Empty body from {response.RequestMessage?.RequestUri}");
    }

    public static async Task<List<JsonNode>> ReadAllPagesAsync(HttpClient client, string url)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await ReadAsync(await client.GetAsync(cursor is null ? url : $"{url}{separator}cursor={Uri.EscapeDataString(cursor)}"));
            all.AddRange(page["items"]!.AsArray().Select(item => item!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return all;
    }
}
