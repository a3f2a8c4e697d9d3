namespace TriageBot.Tests.Transcripts;

/// <summary>A school whose school.yaml says region: us hears 911 and the US role names, never the UK ones.</summary>
public sealed class UsRegionTranscriptTests
{
    [Fact]
    public async Task TheUsTranscript_Shows911_AndTheUsRoleNames()
    {
        var transcript = TranscriptFiles.Read("substance-use.transcript");
        Assert.Equal("us", transcript.Region);

        var run = await TranscriptRunner.RunAsync(transcript);

        var said = string.Join('\n', run.BotLines.Select(line => line.Text));
        Assert.Contains("Call 911 now.", said, StringComparison.Ordinal);
        Assert.Contains("fetch the school counselor on crisis duty", said, StringComparison.Ordinal);
        Assert.Contains("get the crisis lead at once", said, StringComparison.Ordinal);
        Assert.DoesNotContain("999", said, StringComparison.Ordinal);

        // "DSL" is the UK pack's name for the duty lead. (The rota and school.yaml copied from the UK example still
        // say "designated safeguarding lead": those are the school's own words, which a US school writes itself.)
        Assert.DoesNotContain("DSL", said, StringComparison.Ordinal);
    }
}
