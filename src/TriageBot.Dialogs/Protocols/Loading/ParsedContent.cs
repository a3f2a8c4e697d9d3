using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Rota;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Everything read from the files, before the checks that look across files.</summary>
internal sealed class ParsedContent
{
    public List<SchoolSettings> Schools { get; } = [];

    public List<RegionPack> Regions { get; } = [];

    public List<ReferralService> Services { get; } = [];

    public List<Checklist> Checklists { get; } = [];

    public List<IncidentProtocol> Protocols { get; } = [];

    public List<DutyRota> Rotas { get; } = [];

    public List<FollowUps.FollowUpPolicy> FollowUps { get; } = [];

    /// <summary>Source lists of files that hold no single item (services.yaml).</summary>
    public List<SourceReference> OtherSources { get; } = [];
}
