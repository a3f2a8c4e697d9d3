namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// Checks <c>exp</c> and <c>nbf</c> against the injected clock, allowing the configured skew (5 minutes by default) in
/// both directions (a token expiring exactly at the skew edge is still valid, as in IdentityModel), so tests can move
/// time instead of waiting.
/// </summary>
internal static class TokenLifetimeValidator
{
    /// <summary>Null when the token is within its lifetime, else a short reason.</summary>
    public static string? FindProblem(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan clockSkew)
    {
        if (expires is null)
        {
            return "token has no expiry";
        }

        if (AsUtc(expires.Value) < now - clockSkew)
        {
            return "token expired";
        }

        if (notBefore is not null && AsUtc(notBefore.Value) > now + clockSkew)
        {
            return "token not yet valid";
        }

        return null;
    }

    // IdentityModel hands out UTC DateTimes; be explicit so a local Kind can never shift the comparison.
    private static DateTimeOffset AsUtc(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc));
}
