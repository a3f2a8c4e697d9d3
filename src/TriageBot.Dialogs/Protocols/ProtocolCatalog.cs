using System.Collections.Frozen;
using TriageBot.Dialogs.Protocols.Detection;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;
using TriageBot.Dialogs.Rota;

namespace TriageBot.Dialogs.Protocols;

/// <summary>
/// The school's validated content, ready to serve: protocols, checklists and services by id, texts with the
/// region's names and the school's numbers filled in, incident detection and referral planning.
/// Built only by <see cref="ProtocolCatalogLoader"/> from content that passed every check; never changes afterwards.
/// </summary>
public sealed class ProtocolCatalog
{
    private readonly FrozenDictionary<string, IncidentProtocol> _protocols;
    private readonly FrozenDictionary<string, Checklist> _checklists;
    private readonly FrozenDictionary<string, ReferralService> _services;
    private readonly TextContext _text;

    internal ProtocolCatalog(
        SchoolSettings school,
        RegionPack region,
        IReadOnlyList<RegionPack> regions,
        IReadOnlyList<IncidentProtocol> protocols,
        IReadOnlyList<Checklist> checklists,
        IReadOnlyList<ReferralService> services,
        DutyRota rota,
        FollowUps.FollowUpPolicy followUps)
    {
        Rota = rota;
        FollowUps = followUps;
        School = school;
        Region = region;
        Regions = regions.ToArray();
        Protocols = protocols.ToArray();
        Checklists = checklists.ToArray();
        Services = services.ToArray();
        _protocols = Protocols.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _checklists = Checklists.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _services = Services.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _text = new TextContext(region, school);
        Detector = new IncidentDetector(InIncidentOrder(Protocols, school));
        Planner = new ReferralPlanner(this);
    }

    public SchoolSettings School { get; }

    /// <summary>The protocols most urgent first, by the school's incident_order (file order when it has none).</summary>
    private static IEnumerable<IncidentProtocol> InIncidentOrder(IReadOnlyList<IncidentProtocol> protocols, SchoolSettings school)
    {
        var order = school.IncidentOrder.Select(entry => entry.ProtocolId).ToList();
        return protocols.OrderBy(p => order.IndexOf(p.Id) is var rank and >= 0 ? rank : int.MaxValue);
    }

    /// <summary>Which follow-up tasks decisions and reports make (protocols/follow-ups.yaml; none without that file).</summary>
    public FollowUps.FollowUpPolicy FollowUps { get; }

    /// <summary>Who is duty lead when, and who may decide escalations.</summary>
    public DutyRota Rota { get; }

    /// <summary>The region pack the school's file names.</summary>
    public RegionPack Region { get; }

    /// <summary>Every region pack that was loaded (all are validated against the shared content).</summary>
    public IReadOnlyList<RegionPack> Regions { get; }

    /// <summary>Incident protocols in file order (the menu order).</summary>
    public IReadOnlyList<IncidentProtocol> Protocols { get; }

    public IReadOnlyList<Checklist> Checklists { get; }

    public IReadOnlyList<ReferralService> Services { get; }

    public IncidentDetector Detector { get; }

    public ReferralPlanner Planner { get; }

    /// <summary>Local contacts the school has not filled in yet: the host warns about them at start.</summary>
    public IReadOnlyList<LocalContact> UnsetContacts => School.Contacts.Where(c => !c.IsSet).ToList();

    public IncidentProtocol? Protocol(string id) => _protocols.GetValueOrDefault(id);

    public Checklist? Checklist(string id) => _checklists.GetValueOrDefault(id);

    public ReferralService? Service(string id) => _services.GetValueOrDefault(id);

    /// <summary>A content text with the region's names and the school's numbers filled in.</summary>
    public string Text(string template) => _text.Render(template);

    /// <summary>The response level's name; with its tier where the region shows tiers (never a risk label).</summary>
    public string LevelName(ResponseLevel level)
    {
        var name = Text(Region.Levels[level].Name);
        return Region.ShowTier ? $"{name} (tier: {TierName(ResponseLevels.TierOf(level))})" : name;
    }

    public string LevelSummary(ResponseLevel level) => Text(Region.Levels[level].Summary);

    /// <summary>What the level means in this protocol: its own words when it has them (see <see cref="IncidentProtocol.LevelSummary"/>).</summary>
    public string LevelSummary(ResponseLevel level, IncidentProtocol protocol) => Text(protocol.LevelSummary ?? Region.Levels[level].Summary);

    /// <summary>The region's name for who acts ("designated safeguarding lead (DSL)", "school counselor").</summary>
    public string ActorName(Actor actor) => Region.Roles[SnakeCase.From(actor)];

    public string EmergencyInstruction => Text(Region.EmergencyInstruction);

    public string ConfidentialityReminder => Text(Region.ConfidentialityReminder);

    /// <summary>Every text the bot can show from this content, as shown in this region.</summary>
    public IEnumerable<string> OutputTexts()
    {
        foreach (var text in ContentText.All(Protocols, Checklists, Services, Region))
        {
            yield return Text(text.Template);
        }

        foreach (var level in ResponseLevels.All)
        {
            yield return LevelName(level);
        }

        foreach (var actor in Enum.GetValues<Actor>())
        {
            yield return ActorName(actor);
        }
    }

    /// <summary>The same content served with another region pack (to preview or test a region).</summary>
    public ProtocolCatalog ForRegion(string regionId)
    {
        var region = Regions.FirstOrDefault(r => r.Id == regionId)
            ?? throw new ArgumentException($"No region pack '{regionId}'.", nameof(regionId));
        return new ProtocolCatalog(School, region, Regions, Protocols, Checklists, Services, Rota, FollowUps);
    }

    private static string TierName(SupportTier tier) => tier switch
    {
        SupportTier.Intensive => "intensive",
        SupportTier.Targeted => "targeted",
        _ => "universal",
    };
}
