using Microsoft.Extensions.Time.Testing;

namespace TriageBot.Dialogs.Tests;

/// <summary>FakeTimeProvider at a chosen local time: its local time zone has that time's offset.</summary>
internal static class TestClock
{
    public static FakeTimeProvider At(DateTimeOffset localNow)
    {
        var clock = new FakeTimeProvider(localNow.ToUniversalTime());
        clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("test", localNow.Offset, "test", "test"));
        return clock;
    }
}
