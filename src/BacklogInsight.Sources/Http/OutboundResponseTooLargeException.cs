namespace BacklogInsight.Sources.Http;

/// <summary>A tracker's answer was larger than <see cref="OutboundOptions.MaxResponseBytes"/>; reading it stopped.</summary>
public sealed class OutboundResponseTooLargeException(long limit)
    : HttpRequestException($"The answer was larger than {limit} bytes (Security:Outbound:MaxResponseBytes) and was not read.");
