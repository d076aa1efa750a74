using System.Text;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>Builds the cursor a client would hold just before a given row, to fetch that row alone.</summary>
public static class CursorFor
{
    public static string Before(long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"k1:{id - 1}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
