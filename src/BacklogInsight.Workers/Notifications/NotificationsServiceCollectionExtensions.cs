using BacklogInsight.Workers.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Notifications;

/// <summary>Registers the notification channels, the outbox and its delivery jobs.</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // No redirects (a moved webhook must be reconfigured) and no request logging: a Slack or Teams URL is a secret.
        services.AddHttpClient(NotificationHttpSender.ClientName, (provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<NotificationsOptions>>().Value.RequestTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("BacklogInsight/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();
        services.AddSingleton<NotificationHttpSender>();
        services.AddSingleton<IChannelNotifier, SlackNotifier>();
        services.AddSingleton<IChannelNotifier, TeamsNotifier>();
        services.AddSingleton<IChannelNotifier, WebhookNotifier>();
        services.AddSingleton<IChannelNotifier, EmailNotifier>();

        services.AddScoped<ProtectedChannelSecrets>();
        services.AddScoped<NotificationChannelRegistration>();
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationScheduler>();
        services.AddScoped<DeliverNotificationJob>();
        services.AddScoped<SweepNotificationsJob>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAlertNotifier, OutboxAlertNotifier>());
        return services;
    }
}
