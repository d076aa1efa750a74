using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>What the HTTP API shares: JSON shape, problem details for every error, the OpenAPI document.</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddBacklogApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // Malformed bodies and parameters raise BadHttpRequestException, which the exception handler turns into a
        // problem that says what was wrong, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        return services;
    }
}
