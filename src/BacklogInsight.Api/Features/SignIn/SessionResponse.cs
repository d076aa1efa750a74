namespace BacklogInsight.Api.Features.SignIn;

/// <summary>Who is signed in: the key's name and scope.</summary>
public sealed record SessionResponse(string Name, string Scope);
