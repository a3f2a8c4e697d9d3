using System.Globalization;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// A fact in the content its makers could not confirm against a primary source (a file's <c>unverified:</c> list).
/// Not an error: validate lists each one as a warning so the school's DSL checks it before relying on it.
/// </summary>
public sealed record UnverifiedFact(string File, int Line, string Fact)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: warning: unverified: {Fact}");
}
