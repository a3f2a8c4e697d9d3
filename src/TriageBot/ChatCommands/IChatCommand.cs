using TriageBot.Connector.Schema;

namespace TriageBot.ChatCommands;

/// <summary>
/// A typed command answered by the host rather than by the conversation, because it reads or changes stored records
/// ("my follow-ups", "incident 42", "close follow-up 7"). Checked before the dialogs on every message; a command that
/// does not recognise the text returns false and the message goes on to the conversation unchanged.
/// </summary>
public interface IChatCommand
{
    /// <summary>Answers the message and returns true when it is this command; false (having done nothing) otherwise.</summary>
    Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken);
}
