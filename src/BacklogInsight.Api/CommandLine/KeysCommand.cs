using System.Globalization;
using BacklogInsight.Api.Features.Keys;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Api.Infrastructure.Security;
using BacklogInsight.Workers.Jobs;

namespace BacklogInsight.Api.CommandLine;

/// <summary>
/// <c>keys create --name N --scope read|admin</c>, <c>keys list</c>, <c>keys revoke ID</c>: API keys administered on
/// the server itself, e.g. the first admin key of an installation.
/// </summary>
public static class KeysCommand
{
    public static async Task<int> RunAsync(CommandLineInvocation invocation)
    {
        var positional = invocation.ConfigurationArgs.TakeWhile(a => !a.StartsWith('-')).ToList();
        var action = positional.FirstOrDefault()?.ToLowerInvariant()
            ?? throw new CommandLineException("keys needs an action: create, list or revoke.");
        var builder = Host.CreateApplicationBuilder(invocation.ConfigurationArgs[positional.Count..]);
        builder.Configuration[$"{JobsOptions.SectionName}:RunServer"] = "false";
        builder.AddBacklogCore(scheduleRecurringJobs: false);
        builder.Services.AddScoped<ApiKeyStore>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var keys = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();
            return action switch
            {
                "create" => await CreateAsync(keys, invocation.Option("name"), invocation.Option("scope")),
                "list" => await ListAsync(keys),
                "revoke" => await RevokeAsync(keys, positional.ElementAtOrDefault(1)),
                _ => throw new CommandLineException($"Unknown keys action '{action}': use create, list or revoke."),
            };
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<int> CreateAsync(ApiKeyStore keys, string? name, string? scope)
    {
        var errors = KeysApi.Validate(name, scope);
        if (errors.Count > 0)
        {
            throw new CommandLineException(string.Join(" ", errors.SelectMany(e => e.Value)) + " Usage: keys create --name NAME --scope read|admin");
        }

        var (stored, key) = await keys.CreateAsync(name!, scope!, CancellationToken.None);
        Console.WriteLine($"Created {stored.Scope} key '{stored.Name}' (id {stored.Id}). The key is shown this once:");
        Console.WriteLine(key);
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyStore keys)
    {
        Console.WriteLine($"{"id",-36}  {"name",-20}  {"scope",-5}  {"prefix",-12}  {"created",-20}  {"last used",-20}  revoked");
        foreach (var key in await keys.ListAsync(CancellationToken.None))
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{key.Id,-36}  {key.Name,-20}  {key.Scope,-5}  {key.Prefix,-12}  {Format(key.CreatedAt),-20}  {Format(key.LastUsedAt),-20}  {Format(key.RevokedAt)}"));
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyStore keys, string? id)
    {
        if (!Guid.TryParse(id, out var keyId))
        {
            throw new CommandLineException("keys revoke needs the key's id (see keys list).");
        }

        if (!await keys.RevokeAsync(keyId, CancellationToken.None))
        {
            await Console.Error.WriteLineAsync($"No key with id {keyId}.");
            return 1;
        }

        Console.WriteLine($"Revoked key {keyId}.");
        return 0;
    }

    private static string Format(DateTimeOffset? instant) =>
        instant?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
