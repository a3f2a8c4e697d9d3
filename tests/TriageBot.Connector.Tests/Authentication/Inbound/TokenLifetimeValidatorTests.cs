using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

public sealed class TokenLifetimeValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(-60, 60)]   // plainly valid
    [InlineData(-60, -4)]   // expired, but within the skew
    [InlineData(-60, -5)]   // expired exactly at the skew edge
    [InlineData(4, 60)]     // starts soon, within the skew
    [InlineData(5, 60)]     // starts exactly at the skew edge
    public void WithinLifetimeAndSkew_HasNoProblem(int notBeforeMinutes, int expiresMinutes) =>
        Assert.Null(TokenLifetimeValidator.FindProblem(At(notBeforeMinutes), At(expiresMinutes), Now, Skew));

    [Theory]
    [InlineData(-60, -6, "token expired")]
    [InlineData(-60, -30, "token expired")]
    [InlineData(6, 60, "token not yet valid")]
    public void OutsideLifetimeAndSkew_IsAProblem(int notBeforeMinutes, int expiresMinutes, string problem) =>
        Assert.Equal(problem, TokenLifetimeValidator.FindProblem(At(notBeforeMinutes), At(expiresMinutes), Now, Skew));

    [Fact]
    public void MissingExpiry_IsAProblem() =>
        Assert.Equal("token has no expiry", TokenLifetimeValidator.FindProblem(At(-1), null, Now, Skew));

    [Fact]
    public void MissingNotBefore_IsFine() =>
        Assert.Null(TokenLifetimeValidator.FindProblem(null, At(10), Now, Skew));

    private static DateTime At(int minutesFromNow) => Now.AddMinutes(minutesFromNow).UtcDateTime;
}
