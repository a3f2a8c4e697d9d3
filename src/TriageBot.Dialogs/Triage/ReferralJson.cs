using System.Text.Json.Nodes;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Referrals;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// Referrals as recorded in incident events: ids, and the names and reasons as shown at the time, so the record says
/// what was recommended even if the content changes later.
/// </summary>
internal static class ReferralJson
{
    public static JsonArray From(ReferralPlan plan) => new([.. plan.Referrals.Select(r => (JsonNode)new JsonObject
    {
        ["service"] = r.Service.Id,
        ["name"] = r.ServiceName,
        ["why"] = r.Why,
        ["urgency"] = SnakeCase.From(r.Urgency),
        ["whoActs"] = SnakeCase.From(r.WhoActs),
        ["whoActsName"] = r.WhoActsName,
    })]);
}
