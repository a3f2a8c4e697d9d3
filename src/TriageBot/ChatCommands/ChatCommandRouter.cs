using TriageBot.Connector.Schema;

namespace TriageBot.ChatCommands;

/// <summary>
/// Offers a typed message to each registered <see cref="IChatCommand"/> in turn. Only plain typed messages qualify:
/// a card press (a message with a value) belongs to the card that sent it.
/// </summary>
public sealed class ChatCommandRouter(IEnumerable<IChatCommand> commands)
{
    private readonly IReadOnlyList<IChatCommand> _commands = [.. commands];

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Message || activity.Value is not null || string.IsNullOrWhiteSpace(activity.Text))
        {
            return false;
        }

        foreach (var command in _commands)
        {
            if (await command.TryHandleAsync(activity, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
