using System.Text.Json;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Storage;

/// <summary>How dialog state is written to the store: plain JSON, so a row can be read by a person investigating an incident.</summary>
internal static class DialogStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(DialogState state) => JsonSerializer.Serialize(state, Options);

    public static DialogState Deserialize(string json) =>
        JsonSerializer.Deserialize<DialogState>(json, Options) ?? DialogState.Empty();
}
