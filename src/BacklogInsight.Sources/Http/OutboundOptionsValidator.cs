using System.Net;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Http;

/// <summary>Stops start-up on an allow-list entry that is not a network or a host name, naming it. Blank entries are ignored.</summary>
internal sealed class OutboundOptionsValidator : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var errors = options.AllowedNetworks
            .Where(n => !string.IsNullOrWhiteSpace(n) && !IPNetwork.TryParse(n, out _))
            .Select(n => $"Security:Outbound:AllowedNetworks: '{n}' is not a network in CIDR notation such as 10.20.0.0/16.")
            .Concat(options.AllowedHosts
                .Where(h => !string.IsNullOrWhiteSpace(h) && (h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal)))
                .Select(h => $"Security:Outbound:AllowedHosts: '{h}' is not a host name such as jira.corp.example or *.corp.example."))
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
