using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Sends over SMTP with MailKit: connects with the channel's TLS mode, authenticates when a user is set, sends, and
/// records the server's reply. A 4xx reply or a network failure may pass and is retried; a 5xx reply, refused
/// credentials or a failed TLS handshake will not.
/// </summary>
public sealed class EmailNotifier(IOptions<NotificationsOptions> options) : IChannelNotifier
{
    public string Kind => ChannelKinds.Email;

    public async Task<AttemptResult> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var settings = EmailSettings.Parse(notification.Channel.SettingsJson);
        using var client = new SmtpClient { Timeout = (int)options.Value.RequestTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.EffectivePort, settings.SocketOptions, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, notification.Secrets.GetValueOrDefault(ChannelKinds.PasswordSecret) ?? string.Empty, cancellationToken);
            }

            var reply = await client.SendAsync(EmailComposer.Compose(settings, notification), cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return AttemptResult.Success(250, reply);
        }
        catch (SmtpCommandException exception)
        {
            var code = (int)exception.StatusCode;
            var transient = code is >= 400 and < 500;
            return AttemptResult.Failure(
                $"The SMTP server refused the message ({code}): {exception.Message}" + (transient ? string.Empty : " Not retried."),
                transient, code, exception.Message);
        }
        catch (AuthenticationException exception)
        {
            return AttemptResult.Failure($"The SMTP server refused the credentials: {exception.Message} Not retried.", retryable: false);
        }
        catch (SslHandshakeException)
        {
            return AttemptResult.Failure("The TLS handshake with the SMTP server failed (certificate or TLS mode). Not retried.", retryable: false);
        }
        catch (NotSupportedException exception)
        {
            return AttemptResult.Failure($"The SMTP server does not support what the channel asks: {exception.Message} Not retried.", retryable: false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException
                                           || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return AttemptResult.Failure($"Could not talk to the SMTP server {settings.Host}:{settings.EffectivePort}: {exception.Message}", retryable: true);
        }
    }
}
