using System.Globalization;
using System.Text;

namespace TriageBot.Dialogs.Rota;

/// <summary>"Who is on duty": the lead now, with a phone number where the rota has one, and who comes next.</summary>
public static class DutyAnswer
{
    public static string Describe(DutyRota rota, DateTimeOffset now, string dangerLine)
    {
        ArgumentNullException.ThrowIfNull(rota);
        var duty = DutyResolver.OnDuty(rota, now);
        var text = new StringBuilder();
        var when = duty.LocalNow.ToString("ddd HH:mm", CultureInfo.InvariantCulture);
        text.Append(duty.InSchoolHours ? $"On duty now ({when}): " : $"Outside school hours ({when}). Duty lead on call: ");
        text.Append(Name(duty.Lead)).Append('.');
        if (duty.Deputies.Count > 0)
        {
            text.Append(" If they do not answer: ").Append(string.Join(", then ", duty.Deputies.Select(Name))).Append('.');
        }

        if (!duty.InSchoolHours && rota.OutOfHoursInstruction.Length > 0)
        {
            text.Append("\n\n").Append(rota.OutOfHoursInstruction);
        }

        text.Append("\n\n").Append(dangerLine);
        return text.ToString();
    }

    private static string Name(RotaPerson person) =>
        person.Phone is { Length: > 0 } phone ? $"{person.Name} ({person.Role}, {phone})" : $"{person.Name} ({person.Role})";
}
