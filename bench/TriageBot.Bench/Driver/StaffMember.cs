using System.Globalization;

namespace TriageBot.Bench.Driver;

/// <summary>
/// One driver worker: a member of staff with their 1:1 chat with the bot, running reports one after another in it, as
/// a teacher does over a term. A report that goes wrong is left behind with its chat: the next starts in a new one.
/// </summary>
internal sealed class StaffMember(string runId, string phase, int index)
{
    private int _chat;

    /// <summary>Fixed-width, so no name is part of another (cards to the lead are matched on it).</summary>
    public Member Member { get; } = new(
        $"29:bench-{runId}-{phase}-{index.ToString("D5", CultureInfo.InvariantCulture)}",
        $"Bench {phase} staff {index.ToString("D5", CultureInfo.InvariantCulture)}",
        Guid.NewGuid().ToString(),
        $"bench.{phase}.{index.ToString("D5", CultureInfo.InvariantCulture)}@example.org");

    public string ConversationId => $"a:bench-{runId}-{phase}-{index.ToString("D5", CultureInfo.InvariantCulture)}-{_chat.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>False until the bot has been added to the current chat (the first report in it starts with that).</summary>
    public bool Greeted { get; set; }

    public void StartNewChat()
    {
        _chat++;
        Greeted = false;
    }
}
