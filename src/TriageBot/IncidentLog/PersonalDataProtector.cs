using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;

namespace TriageBot.IncidentLog;

/// <summary>
/// Encrypts what staff typed about a student before it is stored (ASP.NET Core Data Protection, keys in
/// DataProtection:KeyPath) and decrypts it for the people allowed to read it. Losing the keys loses that text.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "TriageBot.Incidents.Personal.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string? Protect(JsonObject? personal) => personal is null ? null : _protector.Protect(personal.ToJsonString());

    public JsonObject? Unprotect(string? protectedText) =>
        protectedText is null ? null : JsonNode.Parse(_protector.Unprotect(protectedText))?.AsObject();
}
