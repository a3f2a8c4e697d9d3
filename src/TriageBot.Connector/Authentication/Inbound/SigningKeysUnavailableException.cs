namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>The OpenID metadata or its key set could not be fetched or read, and no earlier key set is cached.</summary>
internal sealed class SigningKeysUnavailableException : Exception
{
    public SigningKeysUnavailableException()
    {
    }

    public SigningKeysUnavailableException(string message)
        : base(message)
    {
    }

    public SigningKeysUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
