namespace TriageBot.Dialogs.Tests;

/// <summary>A clock that stands still at a chosen local time, for tests of times relative to now.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone =>
        TimeZoneInfo.CreateCustomTimeZone("test", Now.Offset, "test", "test");
}
