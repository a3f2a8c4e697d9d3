namespace TriageBot.Bench.Driver;

/// <summary>What the driver talks to, which decides how much it can check.</summary>
internal enum TargetKind
{
    /// <summary>The floor echoes one reply per activity: the driver sends the same activities blind and checks a reply came.</summary>
    Floor,

    /// <summary>TriageBot: buttons are pressed on the cards it sent, replies are checked, escalations are timed.</summary>
    TriageBot,
}
