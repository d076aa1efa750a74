using System.Net;
using System.Text;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Plain text of the HTML fragments Azure DevOps stores (descriptions, acceptance criteria, comments): tags dropped,
/// block elements and <c>&lt;br&gt;</c> as line breaks, entities decoded, script and style content left out. A
/// one-pass scanner over tags, not a regex; text without tags comes back as it is (trimmed).
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "div", "p", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "hr",
    };

    /// <summary>The plain text of <paramref name="html"/>; null when nothing but markup or whitespace is left.</summary>
    public static string? ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = new StringBuilder(html.Length);
        var run = new StringBuilder();
        string? skipUntil = null;
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0 || !LooksLikeTag(html, open))
            {
                var end = open < 0 ? html.Length : open + 1;
                if (skipUntil is null)
                {
                    run.Append(html, i, end - i);
                }

                i = end;
                continue;
            }

            if (skipUntil is null)
            {
                run.Append(html, i, open - i);
            }

            var close = html.IndexOf('>', open);
            if (close < 0)
            {
                break;
            }

            var (name, closing) = TagName(html.AsSpan(open + 1, close - open - 1));
            if (skipUntil is not null)
            {
                if (closing && name.Equals(skipUntil, StringComparison.OrdinalIgnoreCase))
                {
                    skipUntil = null;
                }
            }
            else if (!closing && name is "script" or "style")
            {
                skipUntil = name;
            }
            else if (BlockTags.Contains(name))
            {
                Flush(text, run);
                text.Append('\n');
            }

            i = close + 1;
        }

        Flush(text, run);
        return Tidy(text.ToString());
    }

    private static bool LooksLikeTag(string html, int open) =>
        open + 1 < html.Length && (char.IsAsciiLetter(html[open + 1]) || html[open + 1] is '/' or '!');

    private static (string Name, bool Closing) TagName(ReadOnlySpan<char> inside)
    {
        var closing = inside.StartsWith("/");
        var rest = closing ? inside[1..] : inside;
        var length = 0;
        while (length < rest.Length && char.IsAsciiLetterOrDigit(rest[length]))
        {
            length++;
        }

        return (rest[..length].ToString().ToLowerInvariant(), closing);
    }

    private static void Flush(StringBuilder text, StringBuilder run)
    {
        text.Append(WebUtility.HtmlDecode(run.ToString()).Replace('\u00a0', ' '));
        run.Clear();
    }

    private static string? Tidy(string text)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        var joined = string.Join('\n', lines);
        return joined.Length == 0 ? null : joined;
    }
}
