using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Commands;

/// <summary>
/// A command honoured at any point, before the active dialog sees the message: its name, the whole messages that
/// invoke it, and what it does. Only a whole message counts: "help me, a student is bleeding" is not the help command.
/// </summary>
public sealed record GlobalCommand(string Name, IReadOnlyList<string> Phrases, Func<DialogContext, CancellationToken, Task> RunAsync);
