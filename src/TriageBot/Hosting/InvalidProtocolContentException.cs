namespace TriageBot.Hosting;

/// <summary>The crisis content has mistakes, so the bot will not start: <see cref="Errors"/> says where (file:line) and what.</summary>
public sealed class InvalidProtocolContentException(string folder, IReadOnlyList<string> errors)
    : Exception($"The crisis content in {folder} has {errors.Count} mistake(s); the bot will not serve it. Run the validate command for details.")
{
    public string Folder { get; } = folder;

    public IReadOnlyList<string> Errors { get; } = errors;
}
