using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
/// Push ingestion from Azure DevOps service hooks (web hooks): <c>workitem.created</c>, <c>workitem.updated</c>,
/// <c>workitem.deleted</c> (and <c>restored</c>, <c>commented</c>) queue a refresh of the one item they name. The event is
/// a hint, never the record: the refresh reads the item from Azure DevOps (a deleted one is then reconciled), and
/// polling stays the source of truth. Anonymous to the API: every delivery proves itself with the Basic credentials
/// configured on the subscription, the connection's secrets <c>webhook-user</c> and <c>webhook-password</c>,
/// compared in constant time; a delivery repeated within the replay window is acknowledged once.
/// </summary>
public static partial class AzureDevOpsWebhooksApi
{
    /// <summary>The connection secrets holding the subscription's Basic user name and password.</summary>
    public const string UserSecret = "webhook-user";

    public const string PasswordSecret = "webhook-password";

    private static readonly string[] WorkItemEvents =
        ["workitem.created", "workitem.updated", "workitem.deleted", "workitem.restored", "workitem.commented"];

    public static IEndpointRouteBuilder MapAzureDevOpsWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/webhooks").WithTags("Webhooks")
            .MapPost("/azure-devops/{connection}", ReceiveAzureDevOpsWebhookAsync)
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Accepted<WebhookResponse>, Ok<WebhookResponse>, ProblemHttpResult>> ReceiveAzureDevOpsWebhookAsync(
        string connection,
        HttpRequest request,
        BacklogDbContext db,
        ProtectedConnectionSecrets secrets,
        SyncScheduler scheduler,
        WebhookDeliveries deliveries,
        IOptions<WebhookOptions> options,
        ILogger<WebhookResponse> logger,
        CancellationToken cancellationToken)
    {
        var target = Guid.TryParse(connection, out var id)
            ? await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            : await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Name == connection, cancellationToken);
        if (target is null || target.Kind != SourceKinds.AzureDevOps)
        {
            return Problem(StatusCodes.Status404NotFound, $"No Azure DevOps connection '{connection}'.");
        }

        var password = await secrets.GetAsync(target.Id, PasswordSecret, cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            return Problem(
                StatusCodes.Status403Forbidden,
                $"Connection '{target.Name}' accepts no webhooks: give it the secrets '{UserSecret}' and '{PasswordSecret}' and set the same "
                + "user name and password (Basic authentication) on the Azure DevOps service-hook subscription.");
        }

        var user = await secrets.GetAsync(target.Id, UserSecret, cancellationToken) ?? string.Empty;
        if (!Authenticated(request.Headers.Authorization.ToString(), user, password))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"BacklogInsight webhooks\"";
            Refused(logger, target.Name);
            return Problem(
                StatusCodes.Status401Unauthorized,
                "The delivery's Basic credentials are missing or do not match the user name and password configured for this connection's webhooks.");
        }

        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The delivery is larger than {options.Value.MaxBodyBytes} bytes (Webhooks:MaxBodyBytes).");
        }

        AzureDevOpsWebhookEvent delivery;
        try
        {
            delivery = AzureDevOpsWebhookEvent.Read(body);
        }
        catch (JsonException ex)
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                $"The delivery is not an Azure DevOps service-hook event: {ex.Message} Expected {{\"eventType\": \"workitem.updated\", \"resource\": {{…}}}}.");
        }

        if (!WorkItemEvents.Contains(delivery.EventType, StringComparer.Ordinal))
        {
            return TypedResults.Ok(new WebhookResponse("ignored", delivery.EventType, null, null));
        }

        if (delivery.WorkItemId is not { } workItemId)
        {
            return Problem(
                StatusCodes.Status400BadRequest,
                $"The {delivery.EventType} event names no work item: expected \"resource\".\"workItemId\" (updated) or \"resource\".\"id\".");
        }

        var itemId = workItemId.ToString(CultureInfo.InvariantCulture);
        var key = $"{target.Id}:{delivery.DeliveryId ?? Convert.ToHexString(SHA256.HashData(body))}";
        if (!deliveries.TryAccept(key, options.Value.ReplayWindow))
        {
            return TypedResults.Ok(new WebhookResponse("duplicate", delivery.EventType, itemId, itemId));
        }

        // Even a deletion is checked with Azure DevOps first: the refresh marks the item deleted only when it is gone.
        scheduler.EnqueueRefresh(target.Id, itemId, deleted: false);
        Queued(logger, target.Name, delivery.EventType, workItemId);
        return TypedResults.Accepted((string?)null, new WebhookResponse("queued", delivery.EventType, itemId, itemId));
    }

    private static bool Authenticated(string header, string user, string password)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(header[6..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        // Digests have one length whatever was sent, so the comparison takes the same time for every wrong guess.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(Encoding.UTF8.GetBytes($"{user}:{password}")));
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

    [LoggerMessage(4311, LogLevel.Warning, "Azure DevOps webhook for connection {Connection} refused: wrong or missing Basic credentials")]
    private static partial void Refused(ILogger logger, string connection);

    [LoggerMessage(4312, LogLevel.Information, "Azure DevOps webhook for connection {Connection}: {Event} of work item {WorkItemId}; refresh queued")]
    private static partial void Queued(ILogger logger, string connection, string @event, int workItemId);
}
