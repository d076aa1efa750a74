namespace BacklogInsight.FaultSuite.Faults;

/// <summary>What the proxy does to one request instead of (or on top of) forwarding it faithfully.</summary>
public enum FaultKind
{
    None,

    /// <summary>429 with <c>Retry-After</c> and the tracker's rate-limit headers.</summary>
    Throttled,

    /// <summary>503 from a gateway (HTML or JSON body, sometimes with <c>Retry-After</c>).</summary>
    Unavailable,

    /// <summary>The connection is reset before any byte of the answer.</summary>
    ResetBeforeAnswer,

    /// <summary>Headers and half the body are sent (Content-Length promises all of it), then the connection is reset.</summary>
    ResetMidAnswer,

    /// <summary>The answer comes only after the client's timeout has passed.</summary>
    Slow,

    /// <summary>A 200 whose JSON body ends early, cleanly (Content-Length matches what is sent).</summary>
    TruncatedJson,

    /// <summary>A 200 whose body is not valid JSON (trailing garbage, or a proxy's HTML page labelled JSON).</summary>
    MalformedJson,
}

/// <summary>One decision of the fault plan.</summary>
public sealed record Fault(FaultKind Kind)
{
    public static readonly Fault None = new(FaultKind.None);
}
