using Microsoft.Extensions.Time.Testing;

namespace TriageBot.Tests.Infrastructure;

/// <summary>
/// The clock a test host runs on: FakeTimeProvider's time, which the test moves, with real timers. FakeTimeProvider's
/// own timers fire as the clock passes them, so a jump of 400 days would run each hourly tick of the host's background
/// loops ~9,600 times at once, racing the test, and a turn's retry back-off would wait until the test moved the clock.
/// With real timers the loops keep their own pace (the tests give them hour-long intervals and call the services
/// directly after moving the clock), as the hand-written clock this replaces did.
/// </summary>
internal sealed class HostClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        TimeProvider.System.CreateTimer(callback, state, dueTime, period);
}
