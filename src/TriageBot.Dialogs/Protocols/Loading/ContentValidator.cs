using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// The checks that look across files: one school file naming a known region, unique ids, complete region packs,
/// placeholders every region can fill, phrases a region forbids; then each checklist and protocol on its own.
/// </summary>
internal static class ContentValidator
{
    public static ProtocolCatalog? Validate(ParsedContent content, ContentErrors errors)
    {
        var school = CheckSchool(content, errors);
        var region = school is null ? null : content.Regions.FirstOrDefault(r => r.Id == school.Region);
        if (school is not null && region is null)
        {
            var known = content.Regions.Count == 0 ? "none loaded" : string.Join(", ", content.Regions.Select(r => r.Id));
            errors.Add(school.RegionLocation ?? school.Location, $"unknown region '{school.Region}' (region packs: {known})");
        }

        DuplicateIds.Check(content.Regions, r => r.Id, r => r.Location, "region", errors);
        DuplicateIds.Check(content.Services, s => s.Id, s => s.Location, "service", errors);
        DuplicateIds.Check(content.Checklists, c => c.Id, c => c.Location, "checklist", errors);
        DuplicateIds.Check(content.Protocols, p => p.Id, p => p.Location, "protocol", errors);

        foreach (var pack in content.Regions)
        {
            CheckRegion(pack, pack == region ? school : null, errors);
        }

        foreach (var checklist in content.Checklists)
        {
            ChecklistValidator.Check(checklist, errors);
        }

        var checklists = content.Checklists.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var serviceIds = content.Services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var regionIds = content.Regions.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        if (content.Services.Count > 0 && !serviceIds.Contains(ReferralPlanner.EmergencyServicesId))
        {
            errors.Add("services.yaml", 0, 0, $"services.yaml has no service '{ReferralPlanner.EmergencyServicesId}': every report where someone was in immediate danger refers to it");
        }

        var protocolIds = content.Protocols.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var protocol in content.Protocols)
        {
            ProtocolValidator.Check(protocol, id => checklists.GetValueOrDefault(id), serviceIds, protocolIds, regionIds, errors);
        }

        if (content.Protocols.Count == 0)
        {
            errors.Add("protocols", 0, 0, "no incident protocols were found (files with 'kind: protocol')");
        }

        if (school is not null)
        {
            CheckTexts(content, school, region, errors);
            CheckIncidentOrder(school, content.Protocols, errors);
        }

        var rota = CheckRota(content, errors);
        var followUps = CheckFollowUps(content, serviceIds, errors);
        return errors.Count == 0 && school is not null && region is not null && rota is not null
            ? new ProtocolCatalog(school, region, content.Regions, content.Protocols, content.Checklists, content.Services, rota, followUps)
            : null;
    }

    /// <summary>The follow-up rules; without a follow-ups file there are none (optional, unlike the rota).</summary>
    private static FollowUps.FollowUpPolicy CheckFollowUps(ParsedContent content, ISet<string> serviceIds, ContentErrors errors)
    {
        if (content.FollowUps.Count == 0)
        {
            return FollowUps.FollowUpPolicy.None;
        }

        foreach (var extra in content.FollowUps.Skip(1))
        {
            errors.Add(extra.Location!, $"a second follow-ups file (the first is {content.FollowUps[0].Location!.File}); there must be at most one");
        }

        var protocolIds = content.Protocols.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        FollowUpsValidator.Check(content.FollowUps[0], protocolIds, serviceIds, errors);
        return content.FollowUps[0];
    }

    private static Rota.DutyRota? CheckRota(ParsedContent content, ContentErrors errors)
    {
        if (content.Rotas.Count == 0)
        {
            errors.Add("rota.yaml", 0, 0, "no duty rota: add rota.yaml with 'kind: rota' saying who is duty lead when (see docs/protocols.md)");
            return null;
        }

        foreach (var extra in content.Rotas.Skip(1))
        {
            errors.Add(extra.Location, $"a second duty rota (the first is {content.Rotas[0].Location.File}); there must be exactly one");
        }

        RotaValidator.Check(content.Rotas[0], errors);
        return content.Rotas[0];
    }

    private static SchoolSettings? CheckSchool(ParsedContent content, ContentErrors errors)
    {
        if (content.Schools.Count == 0)
        {
            errors.Add("school.yaml", 0, 0, "no school settings: add school.yaml with 'kind: school', the school's name, region and local contacts");
            return null;
        }

        foreach (var extra in content.Schools.Skip(1))
        {
            errors.Add(extra.Location, $"a second school settings file (the first is {content.Schools[0].Location.File}); there must be exactly one");
        }

        var school = content.Schools[0];
        DuplicateIds.Check(school.Contacts, c => c.Id, c => c.Location, "contact", errors);
        return school;
    }

    /// <summary>An incident order, when given, names every protocol once and nothing else, so no type is left unranked.</summary>
    private static void CheckIncidentOrder(SchoolSettings school, IReadOnlyList<IncidentProtocol> protocols, ContentErrors errors)
    {
        if (school.IncidentOrder.Count == 0)
        {
            return;
        }

        var known = protocols.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, location) in school.IncidentOrder)
        {
            if (!known.Contains(id))
            {
                errors.Add(location, $"incident_order names '{id}', which is not a protocol (protocols: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
            }
            else if (!seen.Add(id))
            {
                errors.Add(location, $"incident_order names '{id}' twice");
            }
        }

        var location0 = school.IncidentOrder[0].Location;
        foreach (var missing in protocols.Where(p => !seen.Contains(p.Id)).Select(p => p.Id).Distinct(StringComparer.Ordinal))
        {
            errors.Add(location0, $"incident_order leaves out '{missing}': list every protocol, most urgent first");
        }
    }

    private static void CheckRegion(RegionPack region, SchoolSettings? school, ContentErrors errors)
    {
        DuplicateIds.Check(region.CrisisLines, l => l.Id, l => l.Location, "crisis line", errors);
        DuplicateIds.Check(region.Agencies, a => a.Id, a => a.Location, "agency", errors);
        foreach (var line in region.CrisisLines.Where(l => l.Id.Length == 0 || l.Name.Length == 0 || l.Contact.Length == 0))
        {
            errors.Add(line.Location, "a crisis line needs an id, a name and a contact");
        }

        foreach (var agency in region.Agencies.Where(a => a.Id.Length == 0 || a.Name.Length == 0))
        {
            errors.Add(agency.Location, "an agency needs an id and a name");
        }

        foreach (var actor in Enum.GetValues<Actor>().Select(SnakeCase.From).Where(a => !region.Roles.ContainsKey(a)))
        {
            errors.Add(region.Location, $"region pack '{region.Id}' does not name the role '{actor}' under 'roles'");
        }

        if (school is null)
        {
            return;
        }

        // Local numbers are checked only for the school's own region: another region's contacts live in its schools' files.
        foreach (var agency in region.Agencies.Where(a => a.ContactId is not null && school.Contacts.All(c => c.Id != a.ContactId)))
        {
            errors.Add(agency.Location, $"agency '{agency.Id}' uses contact '{agency.ContactId}', which school.yaml does not define");
        }
    }

    private static void CheckTexts(ParsedContent content, SchoolSettings school, RegionPack? schoolRegion, ContentErrors errors)
    {
        foreach (var region in content.Regions)
        {
            var context = new TextContext(region, school);
            var texts = ContentText.All(content.Protocols, content.Checklists, content.Services, region)
                .Where(t => region == schoolRegion || t.Location.File != schoolRegion?.Location.File);
            foreach (var text in texts)
            {
                foreach (var placeholder in TextTemplate.Placeholders(text.Template))
                {
                    if (!Resolves(placeholder, context, region == schoolRegion))
                    {
                        errors.Add(text.Location, Unresolved(placeholder, region));
                    }
                }

                var shown = context.Render(text.Template);
                foreach (var phrase in region.ForbiddenPhrases.Where(p => shown.Contains(p, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(text.Location, $"the text \"{Shorten(shown)}\" contains \"{phrase}\", which region pack '{region.Id}' forbids");
                }
            }
        }
    }

    private static bool Resolves(TextTemplate.Placeholder placeholder, TextContext context, bool isSchoolRegion) => placeholder.Kind switch
    {
        // Another region's agencies may use contacts that only that region's schools define.
        "agency_contact" when !isSchoolRegion => context.Region.Agencies.Any(a => a.Id == placeholder.Key),
        _ => context.Resolve(placeholder) is not null,
    };

    private static string Unresolved(TextTemplate.Placeholder placeholder, RegionPack region) => placeholder.Kind switch
    {
        "role" => $"{placeholder.Raw}: region pack '{region.Id}' has no role '{placeholder.Key}'",
        "line" => $"{placeholder.Raw}: region pack '{region.Id}' has no crisis line '{placeholder.Key}'",
        "agency" => $"{placeholder.Raw}: region pack '{region.Id}' has no agency '{placeholder.Key}'",
        "agency_contact" => $"{placeholder.Raw}: agency '{placeholder.Key}' has no contact in region pack '{region.Id}' and school.yaml",
        "contact" => $"{placeholder.Raw}: school.yaml has no contact '{placeholder.Key}'",
        _ => $"unknown placeholder {placeholder.Raw}: use {{emergency}}, {{school}}, {{lines}}, {{role:id}}, {{line:id}}, {{agency:id}}, {{agency_contact:id}} or {{contact:id}}",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
