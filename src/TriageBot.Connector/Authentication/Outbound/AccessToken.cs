namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>A bearer token and the moment it stops being accepted.</summary>
internal sealed record AccessToken(string Value, DateTimeOffset ExpiresOn);
