using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi")]
    [InlineData("bearer abc.def.ghi")]
    [InlineData("  Bearer   abc.def.ghi ")]
    public void BearerScheme_YieldsTheToken(string header)
    {
        Assert.True(BearerToken.TryExtract(header, out var token));
        Assert.Equal("abc.def.ghi", token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic abc")]
    [InlineData("abc.def.ghi")]
    [InlineData("Bearer abc def")]
    [InlineData("BearerX abc")]
    public void AnythingElse_YieldsNothing(string? header)
    {
        Assert.False(BearerToken.TryExtract(header, out var token));
        Assert.Null(token);
    }
}
