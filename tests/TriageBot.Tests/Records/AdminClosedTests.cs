using System.Net;
using TriageBot.Tests.Escalations;

namespace TriageBot.Tests.Records;

/// <summary>With no API key and no app id configured, the admin endpoints are closed and say what to set.</summary>
public sealed class AdminClosedTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync() => _school = await RecordTestSchool.StartAsync(withKey: false);

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Theory]
    [InlineData("/admin/incidents/1/chronology")]
    [InlineData("/admin/chronology")]
    [InlineData("/admin/outcomes")]
    [InlineData("/admin/outcomes/page")]
    public async Task Everything_Is403_NamingTheSettings(string path)
    {
        var response = await _school.Bot.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Admin:ApiKeys", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownDownloadToken_Is410()
    {
        Assert.Equal(HttpStatusCode.Gone, (await _school.Bot.Client.GetAsync("/admin/downloads/not-a-token")).StatusCode);
    }
}
