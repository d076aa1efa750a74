using System.Text;
using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// Who may call what. Every endpoint needs an authenticated caller unless it is marked <c>AllowAnonymous</c> (health,
/// sign-in, webhooks that check their own signatures); GETs need the read scope, everything else admin. Callers
/// present an API key, an OpenID Connect bearer token (when configured), or the dashboard's sign-in cookie.
/// </summary>
public static class SecurityRegistration
{
    public const string CookieName = "BacklogInsight.Session";

    /// <summary>The policy of endpoints that need admin whatever their method (the keys API).</summary>
    public const string AdminPolicy = "admin";

    private const string SelectingScheme = "BacklogInsight";

    public static WebApplicationBuilder AddBacklogSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName);
        var jwt = builder.Configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
        services.AddScoped<ApiKeyStore>();
        services.AddHostedService<BootstrapKeyInitializer>();

        var authentication = services.AddAuthentication(SelectingScheme)
            .AddPolicyScheme(SelectingScheme, "API key, bearer token or dashboard sign-in", scheme =>
                scheme.ForwardDefaultSelector = context => SelectScheme(context, jwt.Enabled))
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.SlidingExpiration = true;
                cookie.Events = new DashboardSessionEvents();
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<AccessOptions>>((cookie, access) => cookie.ExpireTimeSpan = access.Value.SessionLifetime);
        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, bearer =>
            {
                bearer.MapInboundClaims = false;
                bearer.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
                bearer.Audience = jwt.Audience;
                bearer.TokenValidationParameters.ValidAudience = jwt.Audience;
                bearer.TokenValidationParameters.ValidateAudience = !string.IsNullOrWhiteSpace(jwt.Audience);
                if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
                {
                    bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
                    bearer.TokenValidationParameters.ValidIssuer = jwt.Issuer;
                    bearer.TokenValidationParameters.ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer);
                }

                bearer.Events = new JwtBearerEvents { OnTokenValidated = context => JwtScopes.Map(context, jwt) };
            });
        }

        var byMethod = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ScopeByMethodRequirement()).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(byMethod)
            .SetFallbackPolicy(byMethod)
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.Admin));
        services.AddBacklogRateLimiting();
        return builder;
    }

    /// <summary>Authentication, the cookie's CSRF guard, authorisation, rate limits, then the admin-only job dashboard.</summary>
    public static WebApplication UseBacklogSecurity(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseMiddleware<CookieRequestGuard>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new HangfireAdminFilter()] });
        return app;
    }

    private static string SelectScheme(HttpContext context, bool jwtEnabled)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // A JWT is three base64url parts; API keys have no dots.
            return jwtEnabled && authorization.Count(c => c == '.') == 2 ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
        }

        return context.Request.Cookies.ContainsKey(CookieName) ? CookieAuthenticationDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
    }
}
