namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>Who sent an inbound request, as far as authentication established it.</summary>
public enum InboundCaller
{
    /// <summary>No app id is configured and the request carried no token (Emulator or Agents Playground without credentials).</summary>
    Anonymous,

    /// <summary>The Bot Connector service (Teams, Direct Line, Web Chat) with a token signed by an endorsed key.</summary>
    BotConnector,

    /// <summary>The Bot Framework Emulator with a token issued for the bot's own app id.</summary>
    Emulator,

    /// <summary>Authentication failed; nobody was established.</summary>
    None,
}
