using TriageBot.Dialogs.Turns;
using TriageBot.Dialogs.Welcome;

namespace TriageBot.Dialogs.Commands;

/// <summary>
/// The commands checked before the active dialog on every turn, in order. Routes are data: later issues add
/// emergency, status and back by adding a <see cref="GlobalCommand"/>.
/// </summary>
public sealed class GlobalCommands(IEnumerable<GlobalCommand> commands)
{
    private readonly IReadOnlyList<GlobalCommand> _commands = [.. commands];

    public IReadOnlyList<GlobalCommand> All => _commands;

    /// <summary>Help and cancel, with the school's texts.</summary>
    public static GlobalCommands Standard(WelcomeTexts texts) => new([HelpCommand.Create(texts), CancelCommand.Create(texts)]);

    /// <summary>The command this input invokes, or null when the message is for the active dialog.</summary>
    public GlobalCommand? Match(TurnInput input) =>
        input.Kind == TurnKind.Message ? _commands.FirstOrDefault(command => command.Matches(input)) : null;
}
