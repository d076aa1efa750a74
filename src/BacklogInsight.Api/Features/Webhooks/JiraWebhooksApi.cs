using System.Security.Cryptography;
using System.Text.Json;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>
/// Push ingestion from Jira: <c>jira:issue_created</c>, <c>jira:issue_updated</c> and <c>jira:issue_deleted</c> queue a
/// refresh of that one issue. Anonymous (Jira cannot log in): every delivery proves itself with the connection's
/// webhook secret, and a replayed one is refused or ignored. Polling stays the source of truth.
/// </summary>
public static partial class JiraWebhooksApi
{
    /// <summary>The connection secret that webhooks are verified with.</summary>
    public const string SecretName = "webhook-secret";

    private static readonly string[] IssueEvents = ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"];

    public static IEndpointRouteBuilder MapJiraWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/webhooks").WithTags("Webhooks")
            .MapPost("/jira/{connection}", ReceiveJiraWebhookAsync)
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Accepted<WebhookResponse>, Ok<WebhookResponse>, ProblemHttpResult>> ReceiveJiraWebhookAsync(
        string connection,
        HttpRequest request,
        BacklogDbContext db,
        ProtectedConnectionSecrets secrets,
        SyncScheduler scheduler,
        WebhookDeliveries deliveries,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILogger<WebhookResponse> logger,
        CancellationToken cancellationToken)
    {
        var target = Guid.TryParse(connection, out var id)
            ? await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            : await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Name == connection, cancellationToken);
        if (target is null || target.Kind != SourceKinds.Jira)
        {
            return Problem(StatusCodes.Status404NotFound, $"No Jira connection '{connection}'.");
        }

        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The delivery is larger than {options.Value.MaxBodyBytes} bytes (Webhooks:MaxBodyBytes).");
        }

        var secret = await secrets.GetAsync(target.Id, SecretName, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            return Problem(
                StatusCodes.Status403Forbidden,
                $"Connection '{target.Name}' accepts no webhooks: give it the secret '{SecretName}' and register the same secret in Jira.");
        }

        if (WebhookSignature.Problem(secret, body, request.Headers[WebhookSignature.Header].ToString(), request.Query["secret"].ToString()) is { } invalid)
        {
            Refused(logger, target.Name, invalid);
            return Problem(StatusCodes.Status401Unauthorized, invalid);
        }

        JiraWebhookEvent? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize<JiraWebhookEvent>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, $"The delivery is not the JSON of a Jira webhook: {ex.Message}");
        }

        if (delivery?.WebhookEvent is not { } name)
        {
            return Problem(StatusCodes.Status400BadRequest, "The delivery names no \"webhookEvent\".");
        }

        if (delivery.Timestamp is not { } timestamp)
        {
            return Problem(StatusCodes.Status400BadRequest, "The delivery carries no \"timestamp\" (epoch milliseconds), so it cannot be told from a replay.");
        }

        var window = options.Value.ReplayWindow;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(timestamp);
        if (age.Duration() > window)
        {
            Refused(logger, target.Name, "timestamp outside the replay window");
            return Problem(
                StatusCodes.Status400BadRequest,
                $"The delivery's timestamp is {Math.Abs(age.TotalMinutes):0} minutes from now, outside the replay window of {window.TotalMinutes:0} minutes: refused as a replay.");
        }

        if (!IssueEvents.Contains(name, StringComparer.Ordinal))
        {
            return TypedResults.Ok(new WebhookResponse("ignored", name, delivery.Issue?.Id, delivery.Issue?.Key));
        }

        if (delivery.Issue?.Id is not { Length: > 0 } issueId)
        {
            return Problem(StatusCodes.Status400BadRequest, $"The {name} delivery names no \"issue\".\"id\".");
        }

        var identifier = request.Headers["X-Atlassian-Webhook-Identifier"].ToString();
        var key = $"{target.Id}:{(identifier.Length > 0 ? identifier : Convert.ToHexString(SHA256.HashData(body)))}";
        if (!deliveries.TryAccept(key, window))
        {
            return TypedResults.Ok(new WebhookResponse("duplicate", name, issueId, delivery.Issue.Key));
        }

        scheduler.EnqueueRefresh(target.Id, issueId, name == "jira:issue_deleted");
        Queued(logger, target.Name, name, delivery.Issue.Key ?? issueId);
        return TypedResults.Accepted((string?)null, new WebhookResponse("queued", name, issueId, delivery.Issue.Key));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);

    [LoggerMessage(4301, LogLevel.Warning, "Jira webhook for connection {Connection} refused: {Reason}")]
    private static partial void Refused(ILogger logger, string connection, string reason);

    [LoggerMessage(4302, LogLevel.Information, "Jira webhook for connection {Connection}: {Event} on {Issue}; refresh queued")]
    private static partial void Queued(ILogger logger, string connection, string @event, string issue);
}
