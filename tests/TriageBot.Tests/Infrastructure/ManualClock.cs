namespace TriageBot.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand (no FakeTimeProvider package is available). Timers created on it fire only when
/// the test calls the code they would run; tests call those services directly after <see cref="Advance"/>.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
