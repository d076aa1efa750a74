using BacklogInsight.Sources.Http;

namespace BacklogInsight.Sources.Tests;

/// <summary>The fakes listen on plain http on loopback, which the outbound guard refuses unless told otherwise.</summary>
internal static class LoopbackFakes
{
    public static void Allow(OutboundOptions options)
    {
        options.AllowHttp = true;
        options.AllowedNetworks.Add("127.0.0.0/8");
        options.AllowedNetworks.Add("::1/128");
    }
}
