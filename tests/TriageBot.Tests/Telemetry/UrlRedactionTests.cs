using TriageBot.Telemetry;

namespace TriageBot.Tests.Telemetry;

/// <summary>A URL in a span names where a call went, never whose conversation it was about.</summary>
public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1x2y3z/activities/1712345678901", "https://smba.trafficmanager.net/amer/v3/conversations/{id}/activities/{id}")]
    [InlineData("https://smba.trafficmanager.net/teams/v3/conversations/19%3Aabc%40thread.tacv2/members", "https://smba.trafficmanager.net/teams/v3/conversations/{id}/members")]
    [InlineData("https://smba.trafficmanager.net/teams/v3/conversations", "https://smba.trafficmanager.net/teams/v3/conversations")]
    [InlineData("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token?client_id=secret", "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    public void ConnectorIds_AndQueryStrings_AreLeftOut(string url, string expected) =>
        Assert.Equal(expected, UrlRedaction.Redact(new Uri(url)));
}
