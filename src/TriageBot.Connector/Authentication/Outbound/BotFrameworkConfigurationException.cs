namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>
/// The bot's identity settings do not fit together. <see cref="Key"/> names the configuration key to fix; the message
/// never contains a configured value that could be a secret.
/// </summary>
public sealed class BotFrameworkConfigurationException : Exception
{
    public BotFrameworkConfigurationException()
        : this("The Bot Framework configuration is invalid.")
    {
    }

    public BotFrameworkConfigurationException(string message)
        : this(message, innerException: null)
    {
    }

    public BotFrameworkConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    public BotFrameworkConfigurationException(string key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The configuration key to fix, e.g. MicrosoftAppPassword.</summary>
    public string Key { get; }
}
