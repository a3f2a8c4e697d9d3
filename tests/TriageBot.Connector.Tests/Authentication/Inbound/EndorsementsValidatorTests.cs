using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

public sealed class EndorsementsValidatorTests
{
    private static readonly string[] Endorsements = ["msteams", "directline"];

    [Theory]
    [InlineData("msteams")]
    [InlineData("directline")]
    public void ListedChannel_IsEndorsed(string channelId) =>
        Assert.True(EndorsementsValidator.IsEndorsed(channelId, Endorsements));

    [Theory]
    [InlineData("webchat")]
    [InlineData("MsTeams")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void OtherOrMissingChannel_IsNotEndorsed(string? channelId) =>
        Assert.False(EndorsementsValidator.IsEndorsed(channelId, Endorsements));

    [Fact]
    public void KeyWithoutEndorsements_EndorsesNothing() =>
        Assert.False(EndorsementsValidator.IsEndorsed("msteams", []));
}
