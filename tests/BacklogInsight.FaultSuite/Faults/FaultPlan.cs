using System.Security.Cryptography;
using System.Text;

namespace BacklogInsight.FaultSuite.Faults;

/// <summary>
/// What a scenario does to the traffic: a fault per request, rewrites of request and answer bodies, and an action
/// after each answer (the site changing under the crawl). Every random choice is drawn from <see cref="Chance"/>,
/// a hash of the seed and the request, so a failing seed reproduces.
/// </summary>
public sealed class FaultPlan(int seed, string salt = "")
{
    public int Seed { get; } = seed;

    /// <summary>When false the proxy forwards faithfully (the follow-up sync after a crawl that changed the site).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Added to every answer: a slower site, so a process can be killed mid-sync.</summary>
    public TimeSpan Latency { get; init; }

    public Func<ProxiedRequest, Fault> Decide { get; init; } = _ => Fault.None;

    public Func<ProxiedRequest, string, string>? RewriteRequestBody { get; init; }

    public Func<ProxiedRequest, string, string>? RewriteAnswerBody { get; init; }

    public Func<ProxiedRequest, Task>? AfterAnswerAsync { get; init; }

    /// <summary>A number in [0, 1) fixed by the seed, the request's identity and occurrence, and a salt.</summary>
    public double Chance(ProxiedRequest request, int salt = 0) => Chance($"{request.Identity}#{request.Occurrence}#{salt}");

    public double Chance(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}|{salt}|{key}"));
        return (BitConverter.ToUInt64(hash, 0) >> 11) / (double)(1UL << 53);
    }

    /// <summary>A faithful plan: nothing injected.</summary>
    public static FaultPlan Clean() => new(0);
}
