namespace BacklogInsight.Sources.Http;

/// <summary>
/// An outbound request was not made because its URL or the address its host resolves to is not allowed
/// (see <see cref="OutboundOptions"/>). The message names the host, the address and the setting that would allow it.
/// </summary>
public sealed class OutboundRequestRefusedException(string message) : Exception(message);
