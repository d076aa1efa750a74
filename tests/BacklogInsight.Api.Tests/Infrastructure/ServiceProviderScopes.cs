using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>Runs one call on a scoped service of the host, as a job would.</summary>
internal static class ServiceProviderScopes
{
    public static async Task<TResult> GetRequiredServiceInScopeAsync<TService, TResult>(
        this IServiceProvider services, Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
