namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>A national helpline a student or adult can reach directly.</summary>
/// <param name="Id">How content refers to it: <c>{line:id}</c>.</param>
/// <param name="Name">The service's name.</param>
/// <param name="Contact">How to reach it, as the service publishes it ("116 123", "text SHOUT to 85258").</param>
/// <param name="Audience">Who it is for, in a few words.</param>
public sealed record CrisisLine(string Id, string Name, string Contact, string Audience, ContentLocation Location)
{
    public string Display => $"{Name}: {Contact}";
}
