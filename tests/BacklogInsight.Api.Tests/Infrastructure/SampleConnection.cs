namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>The sample organisation the tests use: a fixed seed and a fixed "now", so its contents never move.</summary>
public static class SampleConnection
{
    public const string Now = "2026-11-23T09:00:00Z";

    public const int Seed = 42;

    public static object CreateRequest(string name) => new
    {
        name,
        kind = "sample",
        settings = new { seed = Seed, now = Now },
    };
}
