namespace BacklogInsight.Api.CommandLine;

/// <summary>
/// <c>health [--url URL]</c>: asks a running service whether it is ready; exit 0 when it is. Lets a container
/// image check itself without shipping curl.
/// </summary>
public static class HealthCommand
{
    public static async Task<int> RunAsync(CommandLineInvocation invocation)
    {
        var url = invocation.Option("url") ?? "http://127.0.0.1:8080/health";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            Console.WriteLine($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{url}: {exception.Message}");
            return 1;
        }
    }
}
