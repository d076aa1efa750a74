using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BacklogInsight.Api.Tests.Fakes;

/// <summary>
/// The 200 answers a fake server has rendered, by request (method, path and query, and the whole body of a POST), so
/// a benchmark can replay a read without paying for the rendering again. Meant for a site that no longer changes:
/// the fakes empty it when they are told to change, but not when the site model is changed directly.
/// </summary>
public sealed class FakeAnswerCache
{
    private readonly ConcurrentDictionary<string, FakeAnswer> _answers = new(StringComparer.Ordinal);

    /// <summary>
    /// The request's cache key. A POST body is part of it, read here whole and put back as a buffer the handler can read again.
    /// Two bodies that mean the same but differ in spelling are two keys: a missed reuse, never a wrong answer.
    /// </summary>
    public static async Task<string> KeyAsync(HttpRequest request)
    {
        var key = request.Method + " " + request.Path.Value + request.QueryString.Value;
        if (!HttpMethods.IsPost(request.Method))
        {
            return key;
        }

        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        buffer.Position = 0;
        request.Body = buffer;
        return key + "\n" + Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public bool TryGet(string key, out FakeAnswer answer) => _answers.TryGetValue(key, out answer!);

    /// <summary>Keeps <paramref name="answer"/> if it is a 200: errors may depend on more than the request.</summary>
    public void Keep(string key, FakeAnswer answer)
    {
        if (answer.Status == 200)
        {
            _answers[key] = answer;
        }
    }

    public void Clear() => _answers.Clear();
}
