using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Plain text from Jira rich text: an Atlassian Document Format tree (Cloud v3) or a wiki-markup string
/// (v2 and Data Center).
/// </summary>
public static partial class AdfText
{
    private static readonly string[] BlockNodes =
        ["paragraph", "heading", "blockquote", "codeBlock", "tableRow", "panel", "rule", "mediaSingle", "mediaGroup", "bulletList", "orderedList"];

    /// <summary>The text of a rich-text value: ADF object, wiki string, or null/absent.</summary>
    public static string? ToPlainText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => Tidy(Adf(value)),
        JsonValueKind.String => StripWiki(value.GetString()),
        _ => null,
    };

    /// <summary>Walks an ADF document: text runs, mentions, cards, line breaks after blocks.</summary>
    public static string Adf(JsonElement node)
    {
        var builder = new StringBuilder();
        Walk(node, builder);
        return builder.ToString();
    }

    /// <summary>Strips the common wiki markup: code fences, headings, emphasis, links and user mentions.</summary>
    public static string? StripWiki(string? wiki)
    {
        if (wiki is null)
        {
            return null;
        }

        var text = WikiFence().Replace(wiki, string.Empty);
        text = WikiHeading().Replace(text, string.Empty);
        text = WikiLink().Replace(text, m => m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["url"].Value);
        text = WikiMention().Replace(text, m => "@" + m.Groups[1].Value);
        text = WikiEmphasis().Replace(text, m => m.Groups[2].Value);
        return Tidy(text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static void Walk(JsonElement node, StringBuilder builder)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = node.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "text":
                builder.Append(node.TryGetProperty("text", out var text) ? text.GetString() : null);
                return;
            case "hardBreak":
                builder.Append('\n');
                return;
            case "mention":
                builder.Append(Attr(node, "text") ?? "@" + Attr(node, "id"));
                return;
            case "emoji":
                builder.Append(Attr(node, "text") ?? Attr(node, "shortName"));
                return;
            case "status":
                builder.Append('[').Append(Attr(node, "text")).Append(']');
                return;
            case "date":
                if (long.TryParse(Attr(node, "timestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
                {
                    builder.Append(DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                return;
            case "inlineCard" or "blockCard" or "embedCard":
                builder.Append(Attr(node, "url"));
                break;
            case "listItem":
                builder.Append("- ");
                break;
        }

        if (node.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in content.EnumerateArray())
            {
                Walk(child, builder);
            }
        }

        if (type is "tableCell" or "tableHeader")
        {
            builder.Append('\t');
        }
        else if (type is not null && BlockNodes.Contains(type) && (builder.Length == 0 || builder[^1] != '\n'))
        {
            builder.Append('\n');
        }
    }

    private static string? Attr(JsonElement node, string name) =>
        node.TryGetProperty("attrs", out var attrs) && attrs.ValueKind == JsonValueKind.Object
            && attrs.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string Tidy(string text) => ExtraNewlines().Replace(text, "\n\n").Trim();

    [GeneratedRegex("\n{3,}")]
    private static partial Regex ExtraNewlines();

    [GeneratedRegex(@"\{(?:code|noformat|quote|panel)(?::[^}]*)?\}")]
    private static partial Regex WikiFence();

    [GeneratedRegex(@"(?m)^h[1-6]\.\s*")]
    private static partial Regex WikiHeading();

    [GeneratedRegex(@"\[(?:(?<text>[^|\]~]+)\|)?(?<url>[^\]~][^\]]*)\]")]
    private static partial Regex WikiLink();

    [GeneratedRegex(@"\[~(?:accountid:)?([^\]]+)\]")]
    private static partial Regex WikiMention();

    [GeneratedRegex(@"(?<![\w*_])([*_])(\S(?:.*?\S)?)\1(?![\w*_])")]
    private static partial Regex WikiEmphasis();
}
