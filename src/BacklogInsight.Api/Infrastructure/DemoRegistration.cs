namespace BacklogInsight.Api.Infrastructure;

/// <summary>Registers the demo bootstrapper when the demo is on.</summary>
public static class DemoRegistration
{
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        if (configuration.GetValue<bool>($"{DemoOptions.SectionName}:Enabled"))
        {
            services.AddHostedService<DemoBootstrapper>();
            services.AddHostedService<Security.DemoAdminKey>();
        }

        return services;
    }
}
