using TriageBot.Dialogs.Prompts;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Commands;

/// <summary>The commands checked before the active dialog on every turn (routes as data; later issues add emergency, status, back).</summary>
public sealed class GlobalCommands(IEnumerable<GlobalCommand> commands)
{
    private readonly IReadOnlyList<GlobalCommand> _commands = [.. commands];

    /// <summary>The command this input invokes, if its whole text is one of the phrases (or a button sent the command's name).</summary>
    public GlobalCommand? Match(TurnInput input)
    {
        var pressed = ChoicePrompt.ButtonValue(input);
        var typed = InputText.Normalise(input.Text);
        return _commands.FirstOrDefault(command =>
            (pressed is null && command.Phrases.Any(phrase => string.Equals(typed, phrase, StringComparison.Ordinal)))
            || (pressed is not null && string.Equals(pressed, "command:" + command.Name, StringComparison.Ordinal)));
    }
}
