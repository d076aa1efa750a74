namespace BacklogInsight.Api.Features.SignIn;

/// <summary>The body of <c>POST /auth/sign-in</c>: <c>{"key": "bik_…"}</c>.</summary>
public sealed record SignInRequest(string? Key);
