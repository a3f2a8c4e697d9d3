using TriageBot.Tests.Deployment;
using Xunit.Sdk;

namespace TriageBot.Tests.Transcripts;

/// <summary>Every transcript, played against the real host through POST /api/messages, says what the bot says.</summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Transcripts => new(TranscriptFiles.Names);

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task TheBot_SaysWhatTheTranscriptSays(string file)
    {
        await TranscriptRunner.RunAsync(TranscriptFiles.Read(file));
    }

    [Fact]
    public void EveryIncidentType_HasATranscript()
    {
        var types = Directory.GetFiles(RepositoryRoot.PathTo("protocols", "incidents"), "*.yaml").Select(Path.GetFileNameWithoutExtension);

        // A type may have more than one: "suicidal-thoughts.non-acute.transcript" is another path of suicidal-thoughts.
        var covered = TranscriptFiles.Names.Select(name => name[..name.IndexOf('.', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal);

        Assert.Equal(types.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AWrongBotLine_FailsWithTheFileTheLineAndTheWholeTurn_ExpectedAndActual()
    {
        var transcript = TranscriptFiles.Read("panic-anxiety.transcript");
        var turn = transcript.Turns[0];
        var changed = turn.Expected[0] with { Kind = TranscriptLineKind.BotSays, Text = "Something the bot never says." };
        var wrong = transcript with { Turns = [turn with { Expected = [changed, .. turn.Expected.Skip(1)] }, .. transcript.Turns.Skip(1)] };

        var failure = await Assert.ThrowsAsync<FailException>(() => TranscriptRunner.RunAsync(wrong));

        Assert.StartsWith($"panic-anxiety.transcript:{changed.Number}: the bot's answer to line {turn.Staff.Number} differs", failure.Message, StringComparison.Ordinal);
        Assert.Contains("> bot:   Something the bot never says.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("actual (the whole turn, as the bot said it):", failure.Message, StringComparison.Ordinal);
        Assert.Contains(turn.Expected[^1].Render(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistakeInATranscript_IsReportedWithFileAndLine()
    {
        var mistake = Assert.Throws<FormatException>(() => TranscriptParser.Parse(
            "example.transcript",
            ["# Example", "staff: hello", "bot: Hello.", "teacher: hi"]));

        Assert.StartsWith("example.transcript:4: not a transcript line", mistake.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABotParagraph_ContinuesOnIndentedLines()
    {
        var transcript = TranscriptParser.Parse(
            "example.transcript",
            ["staff: status", "bot:   Open report: Panic.", "       Response level so far: none.", "", "buttons: Yes | No"]);

        var turn = Assert.Single(transcript.Turns);
        Assert.Equal("Open report: Panic.\nResponse level so far: none.", turn.Expected[0].Text);
        Assert.Equal(TranscriptLineKind.Buttons, turn.Expected[1].Kind);
    }
}
