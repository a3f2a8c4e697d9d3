using TriageBot.Tests.Escalations;

namespace TriageBot.Tests.Records;

/// <summary>The escalation test school with the admin endpoints open to one API key and links on a public address.</summary>
internal static class RecordTestSchool
{
    public const string ApiKey = "cms-key-7f3a9c";
    public const string PublicBaseUrl = "https://triagebot.example.org";
    public const string OtherStaff = "aad-staff-2";
    public const string OtherStaffConversation = "a:staff-2";

    public static Task<EscalationTestSchool> StartAsync(bool withKey = true)
    {
        var settings = new Dictionary<string, string?> { ["Admin:PublicBaseUrl"] = PublicBaseUrl };
        if (withKey)
        {
            settings["Admin:ApiKeys:0:Name"] = "case-management";
            settings["Admin:ApiKeys:0:Sha256"] = "e24a13338894de2c88b82ccbca314677519da4844363ba2eadefb40ba9d7e76f"; // SHA-256 of ApiKey
        }

        return EscalationTestSchool.StartAsync(settings);
    }

    /// <summary>Whether the bot said something starting with this in the conversation (a command's answer is sent before its 200).</summary>
    public static bool Said(EscalationTestSchool school, string conversation, string start) =>
        school.CallsTo(conversation).Any(c => c.Method == "POST" && c.Text?.StartsWith(start, StringComparison.Ordinal) == true);

    /// <summary>The last text the bot sent to a conversation.</summary>
    public static string? LastText(EscalationTestSchool school, string conversation) =>
        school.CallsTo(conversation).LastOrDefault(c => c.Method == "POST" && c.Text is not null)?.Text;

    public static string? LastCard(EscalationTestSchool school, string conversation) =>
        school.CallsTo(conversation).LastOrDefault(c => c.Method == "POST" && c.Card is not null)?.Card!.ToJsonString();

    /// <summary>The path of the one-time link in the last message to the conversation.</summary>
    public static string LinkPath(EscalationTestSchool school, string conversation)
    {
        var text = school.CallsTo(conversation).Last(c => c.Method == "POST" && c.Text?.Contains(PublicBaseUrl, StringComparison.Ordinal) == true).Text!;
        var start = text.IndexOf(PublicBaseUrl, StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        return text[(start + PublicBaseUrl.Length)..].Split(' ')[0];
    }
}
