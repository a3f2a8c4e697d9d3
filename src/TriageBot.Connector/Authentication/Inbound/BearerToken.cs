using System.Diagnostics.CodeAnalysis;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>Reads the token out of an <c>Authorization: Bearer &lt;jwt&gt;</c> header.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer";

    /// <summary>
    /// True when the header is the Bearer scheme followed by one non-empty credential. The scheme name is compared
    /// case-insensitively, as HTTP auth schemes are (RFC 9110 §11.1).
    /// </summary>
    public static bool TryExtract(string? authorizationHeader, [NotNullWhen(true)] out string? token)
    {
        token = null;
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return false;
        }

        var parts = authorizationHeader.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = parts[1];
        return true;
    }
}
