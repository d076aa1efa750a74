using System.Text;
using System.Text.Json;
using BacklogInsight.Sources.Jira;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>
/// Hostile setting values cannot change the shape of the search: read back the way JQL reads it, every value is one
/// string literal equal to what was configured, and what lies outside the literals is always the same.
/// </summary>
[TestFixture]
public sealed class JiraJqlInjectionTests
{
    private const string Skeleton = "project in (?) AND issuetype in (?) AND labels in (?) ORDER BY updated ASC, key ASC";

    [TestCase("\"project = X\" OR 1=1")]
    [TestCase("PAY\") OR project in (\"SECRET")]
    [TestCase("PAY\\\") OR (\"x")]
    [TestCase("back\\slash\\")]
    [TestCase("\\")]
    [TestCase("'single' quotes")]
    [TestCase("line\nbreak ORDER BY created")]
    [TestCase("tab\tand\rreturn\u0001bell")]
    [TestCase("PAY) OR issuekey is not EMPTY ORDER BY key --")]
    public void Search_HostileValue_StaysOneLiteral(string hostile)
    {
        var settings = JiraConnectionSettings.Parse(JsonSerializer.Serialize(new
        {
            projects = new[] { hostile },
            issueTypes = new[] { hostile },
            labels = new[] { hostile },
        }));

        var (skeleton, literals) = Lex(JiraJql.Search(settings, null, TimeZoneInfo.Utc));

        Assert.That(skeleton, Is.EqualTo(Skeleton));
        Assert.That(literals, Is.EqualTo(new[] { hostile, hostile, hostile }));
    }

    [Test]
    public void Quote_LineBreak_IsWrittenAsAnEscape()
    {
        Assert.That(JiraJql.Quote("a\nb"), Is.EqualTo("\"a\\nb\""));
    }

    /// <summary>Splits JQL into the text outside string literals (each literal as '?') and the literals' decoded values.</summary>
    private static (string Skeleton, List<string> Literals) Lex(string jql)
    {
        var skeleton = new StringBuilder();
        var literals = new List<string>();
        for (var i = 0; i < jql.Length; i++)
        {
            if (jql[i] != '"')
            {
                Assert.That(char.IsControl(jql[i]), Is.False, "a control character outside a literal");
                skeleton.Append(jql[i]);
                continue;
            }

            var literal = new StringBuilder();
            for (i++; jql[i] != '"'; i++)
            {
                Assert.That(char.IsControl(jql[i]), Is.False, "a raw control character inside a literal");
                if (jql[i] != '\\')
                {
                    literal.Append(jql[i]);
                    continue;
                }

                i++;
                literal.Append(jql[i] switch
                {
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    'u' => ((char)Convert.ToInt32(jql.Substring(i + 1, 4), 16)).ToString(),
                    var c => c.ToString(),
                });
                if (jql[i] == 'u')
                {
                    i += 4;
                }
            }

            literals.Add(literal.ToString());
            skeleton.Append('?');
        }

        return (skeleton.ToString(), literals);
    }
}
