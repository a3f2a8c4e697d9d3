using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

internal static class InboundAssert
{
    /// <summary>A failure carries its reason and nothing else: no identity, no caller.</summary>
    public static void Rejected(InboundAuthenticationResult result, string reason)
    {
        Assert.False(result.IsAuthenticated);
        Assert.Equal(reason, result.FailureReason);
        Assert.Equal(InboundCaller.None, result.Caller);
        Assert.Null(result.Identity);
    }
}
