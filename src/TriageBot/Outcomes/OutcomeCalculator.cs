using TriageBot.Dialogs.Protocols;
using TriageBot.Incidents;

namespace TriageBot.Outcomes;

/// <summary>Computes an <see cref="OutcomeReport"/> for the incidents opened in [from, to) from the register, escalations and follow-ups.</summary>
public sealed class OutcomeCalculator(IOutcomeFacts store, IncidentRegister register, ProtocolCatalog catalog, TimeProvider time)
{
    public async Task<OutcomeReport> ComputeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await register.CatchUpAsync(cancellationToken);
        var now = time.GetUtcNow();
        var facts = await store.ReadAsync(from, to, cancellationToken);
        var incidents = facts.Incidents;
        var escalations = facts.Escalations.ToLookup(e => e.IncidentId, StringComparer.Ordinal);
        var tasks = facts.Tasks;

        var groups = incidents
            .GroupBy(i => (i.ProtocolId, Level: i.Level ?? "not_set"))
            .Select(group =>
            {
                var requests = group.SelectMany(i => escalations[i.Id]).ToList();
                var minutes = requests.Where(r => r.DecidedAt is not null)
                    .Select(r => (r.DecidedAt!.Value - r.RequestedAt).TotalMinutes)
                    .Order()
                    .ToList();
                return new OutcomeGroup(
                    group.Key.ProtocolId is not null && catalog.Protocol(group.Key.ProtocolId) is { } protocol ? protocol.Title : "Type not chosen",
                    group.Key.ProtocolId,
                    group.Key.Level,
                    group.Count(),
                    group.Count(i => escalations[i.Id].Any()),
                    minutes.Count,
                    NearestRank(minutes, 0.5),
                    NearestRank(minutes, 0.9));
            })
            .OrderBy(g => g.IncidentType, StringComparer.Ordinal)
            .ThenBy(g => g.Level, StringComparer.Ordinal)
            .ToList();

        return new OutcomeReport(
            from,
            to,
            now,
            groups,
            Summarise(tasks, now),
            [.. tasks.GroupBy(t => t.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RuleOutcome(g.Key, Summarise([.. g], now)))]);
    }

    /// <summary>The nearest-rank percentile of sorted values, rounded to a tenth of a minute; null for none.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }

    private static FollowUpOutcome Summarise(IReadOnlyList<OutcomeTask> tasks, DateTimeOffset now)
    {
        int onTime = 0, late = 0, overdue = 0, notDue = 0;
        foreach (var task in tasks)
        {
            var due = task.DueAt;
            if (task.DoneAt is { } doneAt)
            {
                if (doneAt <= due)
                {
                    onTime++;
                }
                else
                {
                    late++;
                }
            }
            else if (due <= now)
            {
                overdue++;
            }
            else
            {
                notDue++;
            }
        }

        return new FollowUpOutcome(onTime, late, overdue, notDue);
    }
}
