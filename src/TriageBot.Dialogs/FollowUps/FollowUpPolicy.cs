using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.FollowUps;

/// <summary>
/// protocols/follow-ups.yaml as a whole: the rules, how long after its due time an open task is raised with the duty
/// lead, and when the designated leads' daily digest goes (school days only, in the rota's time zone).
/// </summary>
public sealed record FollowUpPolicy(
    IReadOnlyList<FollowUpRule> Rules,
    FollowUpDue OverdueEscalatesAfter,
    TimeOnly DailyDigestAt,
    IReadOnlyList<SourceReference> Sources,
    ContentLocation? Location)
{
    /// <summary>No follow-up file: no tasks, no digest.</summary>
    public static FollowUpPolicy None { get; } = new([], new FollowUpDue(1, FollowUpDueUnit.SchoolDays), new TimeOnly(8, 0), [], null);

    public FollowUpRule? Rule(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
}
