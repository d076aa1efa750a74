using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Http;

/// <summary>
/// Decides which URLs and addresses the trackers' HTTP clients may reach (<see cref="OutboundOptions"/>). The address
/// check runs when the socket connects, on the very address connected to, so a host name that resolves to a public
/// address when a connection is created and to a private one later (DNS rebinding) is still refused.
/// </summary>
public sealed class OutboundGuard(IOptionsMonitor<OutboundOptions> options)
{
    /// <summary>Why the URL may not be requested (scheme, credentials in it), or null when it may.</summary>
    public string? CheckUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.Host))
        {
            return $"'{url}' is not an absolute URL with a host.";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !options.CurrentValue.AllowHttp)
        {
            return $"'{url.GetLeftPart(UriPartial.Authority)}' uses plain http, which would send the token unencrypted; use https "
                + "(or allow http with Security:Outbound:AllowHttp).";
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return $"'{url.Scheme}' URLs are not supported; use https.";
        }

        return string.IsNullOrEmpty(url.UserInfo) ? null : "Put no user name or password in the URL; give them as the connection's settings and secrets.";
    }

    /// <summary>Why <paramref name="address"/> (an address of <paramref name="host"/>) may not be reached, or null when it may.</summary>
    public string? CheckAddress(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var kind = NonPublicNetworks.KindOf(address);
        if (kind is null || IsAllowedHost(host) || IsInAllowedNetwork(address))
        {
            return null;
        }

        return $"'{host}' resolves to {address}, a {kind} address, which connections may not reach. If this tracker really "
            + "lives there, allow it with Security:Outbound:AllowedHosts or Security:Outbound:AllowedNetworks.";
    }

    /// <summary>
    /// The check a new connection's URL gets before it is stored: the URL itself, then the addresses its host resolves
    /// to now. A host that does not resolve (yet) is accepted; every request checks again when it connects.
    /// </summary>
    public async Task<string?> CheckBeforeUseAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (CheckUrl(url) is { } problem)
        {
            return problem;
        }

        var addresses = await TryResolveAsync(url.IdnHost, cancellationToken);
        var refusals = addresses.Select(a => CheckAddress(url.IdnHost, a)).ToList();
        return refusals.Count > 0 && refusals.All(r => r is not null) ? refusals[0] : null;
    }

    /// <summary>The primary handler of a guarded client: connects only to allowed addresses, follows no redirect itself, uses no proxy.</summary>
    public SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,

        // A proxy would be the address connected to, hiding the tracker's from the check.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = ConnectAsync,
    };

    /// <exception cref="OutboundRequestRefusedException">Every address of the host is refused.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => CheckAddress(host, a) is null).ToArray();
        if (allowed.Length == 0)
        {
            throw new OutboundRequestRefusedException(
                addresses.Length == 0 ? $"'{host}' resolves to no address." : CheckAddress(host, addresses[0])!);
        }

        var socket = Socket.OSSupportsIPv6
            ? new Socket(SocketType.Stream, ProtocolType.Tcp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsAllowedHost(string host) => options.CurrentValue.AllowedHosts.Where(a => !string.IsNullOrWhiteSpace(a)).Any(allowed =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));

    private bool IsInAllowedNetwork(IPAddress address)
    {
        var plain = NonPublicNetworks.Unwrap(address);
        foreach (var text in options.CurrentValue.AllowedNetworks)
        {
            if (IPNetwork.TryParse(text, out var network)
                && network.BaseAddress.AddressFamily == plain.AddressFamily
                && network.Contains(plain))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<IPAddress[]> TryResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
