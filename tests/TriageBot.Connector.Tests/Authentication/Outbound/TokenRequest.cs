namespace TriageBot.Connector.Tests.Authentication.Outbound;

/// <summary>One request MSAL made to the fake token endpoint, with its form fields decoded.</summary>
internal sealed record TokenRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Form);
