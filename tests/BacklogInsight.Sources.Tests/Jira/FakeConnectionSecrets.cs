namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>Hands out one token for every connection, as the host's encrypted store would.</summary>
internal sealed class FakeConnectionSecrets(string? token = FakeConnectionSecrets.Token) : IConnectionSecrets
{
    public const string Token = "api-token-123";

    public ValueTask<string?> GetAsync(Guid connectionId, string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(name == "token" ? token : null);
}
