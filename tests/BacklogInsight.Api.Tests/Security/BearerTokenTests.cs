using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// OpenID Connect bearer tokens, validated against a locally configured signing key instead of an authority: the
/// token's scope or role decides read or admin.
/// </summary>
[TestFixture]
public sealed class BearerTokenTests
{
    private const string SigningKey = "a-test-signing-key-of-at-least-thirty-two-bytes!";
    private const string Issuer = "https://login.example.test";
    private const string Audience = "backlog-insight";
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Security:Jwt:SigningKey"] = SigningKey,
            ["Security:Jwt:Issuer"] = Issuer,
            ["Security:Jwt:Audience"] = Audience,
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task ReadScope_ReadsButCannotChange()
    {
        using var client = ClientWith(Token(new Claim("scp", "profile backlog.read")));

        var read = await client.GetAsync("/api/teams");
        var change = await client.PostAsJsonAsync("/api/keys", new { name = "x", scope = "read" });

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AdminRole_MayChange()
    {
        using var client = ClientWith(Token(new Claim("roles", "backlog.admin")));

        var change = await client.PostAsJsonAsync("/api/keys", new { name = "from-token", scope = "read" });

        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task TokenWithoutAScope_Is401()
    {
        using var client = ClientWith(Token(new Claim("scp", "profile")));

        Assert.That((await client.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TokenSignedWithAnotherKey_Is401()
    {
        using var client = ClientWith(Token(new Claim("scp", "backlog.admin"), signingKey: "another-key-that-is-also-thirty-two-bytes-long"));

        Assert.That((await client.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TokenForAnotherAudience_Is401()
    {
        using var client = ClientWith(Token(new Claim("scp", "backlog.admin"), audience: "someone-else"));

        Assert.That((await client.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExpiredToken_Is401()
    {
        using var client = ClientWith(Token(new Claim("scp", "backlog.admin"), expires: DateTime.UtcNow.AddHours(-1)));

        Assert.That((await client.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private HttpClient ClientWith(string token)
    {
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Token(Claim scope, string signingKey = SigningKey, string audience = Audience, DateTime? expires = null)
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "user-1"), scope]),
            NotBefore = until.AddHours(-2),
            IssuedAt = until.AddHours(-2),
            Expires = until,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
