using System.Text.Json;
using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

public sealed class SigningKeySetTests
{
    [Fact]
    public void Parse_ReadsKeysAndTheirEndorsements()
    {
        var json = Jwks(TestSigningKey.Channel.ToJwk("msteams", "skype"), TestSigningKey.Emulator.ToJwk(endorsements: null));

        var set = SigningKeySet.Parse(json);

        Assert.Equal(2, set.Keys.Count);
        Assert.True(set.ContainsKeyId(TestSigningKey.Channel.KeyId));
        Assert.True(set.ContainsKeyId(TestSigningKey.Emulator.KeyId));
        Assert.False(set.ContainsKeyId("unknown"));
        Assert.Equal(["msteams", "skype"], set.EndorsementsOf(TestSigningKey.Channel.KeyId));
        Assert.Empty(set.EndorsementsOf(TestSigningKey.Emulator.KeyId));
        Assert.Empty(set.EndorsementsOf("unknown"));
        Assert.Empty(set.EndorsementsOf(null));
    }

    [Fact]
    public void Parse_IgnoresNonStringEndorsements()
    {
        var json = """{"keys":[{"kty":"RSA","kid":"k","n":"AQAB","e":"AQAB","endorsements":["msteams",3,null]}]}""";

        Assert.Equal(["msteams"], SigningKeySet.Parse(json).EndorsementsOf("k"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"keys":{}}""")]
    public void Parse_WithoutAKeysArray_Throws(string json) =>
        Assert.ThrowsAny<Exception>(() => SigningKeySet.Parse(json));

    private static string Jwks(params Dictionary<string, object>[] keys) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = keys });
}
