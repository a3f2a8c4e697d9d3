namespace TriageBot.Dialogs.Rota;

/// <summary>Who to ask now: the lead first, then each deputy; whether it is the school day or out of hours.</summary>
public sealed record DutyAssignment(RotaPerson Lead, IReadOnlyList<RotaPerson> Deputies, bool InSchoolHours, DateTimeOffset LocalNow)
{
    public IEnumerable<RotaPerson> InOrder => Deputies.Prepend(Lead);
}
