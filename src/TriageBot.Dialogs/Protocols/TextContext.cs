using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols;

/// <summary>Fills content placeholders from one region pack and the school's file.</summary>
public sealed class TextContext(RegionPack region, SchoolSettings school)
{
    public RegionPack Region { get; } = region;

    public SchoolSettings School { get; } = school;

    public string Render(string text) => TextTemplate.Render(text, Resolve);

    /// <summary>The text a placeholder stands for here, or null when this region or school does not define it.</summary>
    public string? Resolve(TextTemplate.Placeholder placeholder) => (placeholder.Kind, placeholder.Key) switch
    {
        ("emergency", null) => Region.EmergencyNumber,
        ("school", null) => School.Name,
        ("lines", null) => string.Join("; ", Region.CrisisLines.Select(l => l.Display)),
        ("role", { } key) => Region.Roles.GetValueOrDefault(key),
        ("line", { } key) => Region.CrisisLines.FirstOrDefault(l => l.Id == key)?.Display,
        ("agency", { } key) => Region.Agencies.FirstOrDefault(a => a.Id == key)?.Name,
        ("agency_contact", { } key) => AgencyContact(key),
        ("contact", { } key) => School.Contacts.FirstOrDefault(c => c.Id == key)?.Display,
        _ => null,
    };

    private string? AgencyContact(string agencyId)
    {
        var agency = Region.Agencies.FirstOrDefault(a => a.Id == agencyId);
        if (agency?.ContactId is null)
        {
            return null;
        }

        // Previewing another region's pack with this school's file: say the number is the school's to set.
        return School.Contacts.FirstOrDefault(c => c.Id == agency.ContactId)?.Display
            ?? $"{agency.Name} (number not yet set by your school)";
    }
}
