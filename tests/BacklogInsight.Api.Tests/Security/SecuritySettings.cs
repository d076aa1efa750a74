namespace BacklogInsight.Api.Tests.Security;

/// <summary>Settings the security tests start the service with.</summary>
internal static class SecuritySettings
{
    /// <summary>The outbound allow-lists emptied again: the guard as an installation gets it by default.</summary>
    public static readonly Dictionary<string, string?> StrictOutbound = new()
    {
        ["Security:Outbound:AllowHttp"] = "false",
        ["Security:Outbound:AllowedNetworks:0"] = "",
        ["Security:Outbound:AllowedNetworks:1"] = "",
    };
}
