namespace AnimaChat.Demo;

/// <summary>A clock the demo moves by hand, so the scene plays the same on every machine.</summary>
/// <param name="start">The moment the scene begins.</param>
internal sealed class SceneClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock on.</summary>
    /// <param name="by">How far.</param>
    public void Advance(TimeSpan by) => _now += by;
}
