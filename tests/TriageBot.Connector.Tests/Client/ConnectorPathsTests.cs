using TriageBot.Connector.Client;

namespace TriageBot.Connector.Tests.Client;

public sealed class ConnectorPathsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("http://localhost:1234/_connector", "http://localhost:1234/_connector/v3/conversations")]
    [InlineData("http://localhost:56150", "http://localhost:56150/v3/conversations")]
    public void Resolve_KeepsThePathOfTheServiceUrl(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorPaths.Resolve(serviceUrl, ConnectorPaths.Conversations).AbsoluteUri);
    }

    [Fact]
    public void Activity_EscapesBothIdsAsSinglePathSegments()
    {
        Assert.Equal(
            "v3/conversations/a%3A1%2F2/activities/f%3Fx%23y",
            ConnectorPaths.Activity("a:1/2", "f?x#y"));
    }

    [Theory]
    [InlineData("smba.trafficmanager.net/teams")]
    [InlineData("ftp://example.org/")]
    [InlineData("")]
    public void Resolve_RejectsAServiceUrlThatIsNotAnAbsoluteHttpUrl(string serviceUrl)
    {
        var error = Assert.Throws<ArgumentException>(() => ConnectorPaths.Resolve(serviceUrl, ConnectorPaths.Conversations));
        Assert.Equal("serviceUrl", error.ParamName);
    }
}
