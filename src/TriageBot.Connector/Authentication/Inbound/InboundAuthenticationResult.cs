using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// The outcome of <see cref="IInboundAuthenticator.AuthenticateAsync"/>. <see cref="IsAuthenticated"/> means "the request
/// may be processed" (anonymous included); otherwise <see cref="FailureReason"/> says why, in a few words fit for a log
/// line. It never contains the token.
/// </summary>
public sealed record InboundAuthenticationResult(
    [property: MemberNotNullWhen(true, nameof(InboundAuthenticationResult.Identity))]
    [property: MemberNotNullWhen(false, nameof(InboundAuthenticationResult.FailureReason))]
    bool IsAuthenticated,
    string? FailureReason,
    ClaimsIdentity? Identity,
    InboundCaller Caller)
{
    /// <summary>Accepted without a token because the bot has no app id. The identity carries no claims and is not authenticated.</summary>
    public static InboundAuthenticationResult Anonymous() => new(true, null, new ClaimsIdentity(), InboundCaller.Anonymous);

    public static InboundAuthenticationResult Success(ClaimsIdentity identity, InboundCaller caller)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(true, null, identity, caller);
    }

    public static InboundAuthenticationResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, reason, null, InboundCaller.None);
    }
}
