using System.Text.Json.Nodes;
using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Tests.Commands;

public sealed class GlobalCommandsTests
{
    private static readonly GlobalCommands Commands = GlobalCommands.Standard(new WelcomeTexts());
    private static readonly Participant Staff = new("29:teacher");

    [Theory]
    [InlineData("help", HelpCommand.Name)]
    [InlineData("Help.", HelpCommand.Name)]
    [InlineData("  HELP!  ", HelpCommand.Name)]
    [InlineData("menu", HelpCommand.Name)]
    [InlineData("?", HelpCommand.Name)]
    [InlineData("cancel", CancelCommand.Name)]
    [InlineData("Cancel!", CancelCommand.Name)]
    [InlineData("stop", CancelCommand.Name)]
    [InlineData("Quit", CancelCommand.Name)]
    [InlineData("help me, a student is bleeding", null)]
    [InlineData("help me", null)]
    [InlineData("please help", null)]
    [InlineData("stop him", null)]
    [InlineData("cancel the trip", null)]
    [InlineData("??", null)]
    [InlineData("", null)]
    public void OnlyTheWholeMessageInvokesACommand(string text, string? expected) =>
        Assert.Equal(expected, Commands.Match(TurnInput.Message(text, Staff, "c"))?.Name);

    [Fact]
    public void ACommandButton_InvokesIt()
    {
        var input = new TurnInput(TurnKind.Message, null, new JsonObject { [ChoiceCardData.ChoiceKey] = "command:cancel" }, Staff, "c");

        Assert.Equal(CancelCommand.Name, Commands.Match(input)?.Name);
    }

    [Fact]
    public void AChoiceButton_IsNotACommand_EvenWithTypedTextBesideIt()
    {
        var input = new TurnInput(TurnKind.Message, "help", new JsonObject { [ChoiceCardData.ChoiceKey] = "report" }, Staff, "c");

        Assert.Null(Commands.Match(input));
    }

    [Fact]
    public void ConversationStarted_IsNeverACommand() =>
        Assert.Null(Commands.Match(new TurnInput(TurnKind.ConversationStarted, "help", null, Staff, "c")));
}
