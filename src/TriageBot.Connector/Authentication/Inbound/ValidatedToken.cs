using System.Security.Claims;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>A token whose signature, issuer, audience and lifetime checked out, with the id of the key that signed it.</summary>
internal sealed record ValidatedToken(ClaimsIdentity Identity, string? SigningKeyId)
{
    public string? Claim(string type) => Identity.FindFirst(type)?.Value;
}
