namespace BacklogInsight.FaultSuite.Faults;

/// <summary>
/// A request passing the proxy. <see cref="Occurrence"/> counts how often this exact request (method, path, query,
/// body) was seen, so a decision keyed on it is the same whatever the order of concurrent requests.
/// </summary>
public sealed record ProxiedRequest(string Method, string PathAndQuery, string Body, string Kind, int Occurrence, long Number)
{
    public string Identity => $"{Method} {PathAndQuery} {Body}";
}
