namespace Anima;

/// <summary>How a <see cref="SqliteAnimaStore"/> waits for other writers and how much of each agent's event log it keeps.</summary>
public sealed class SqliteAnimaStoreOptions
{
    /// <summary>The default number of events kept per agent: 20,000, a few megabytes of file.</summary>
    public const int DefaultMaxEventsPerAgent = 20_000;

    /// <summary>Gets or sets how long a call waits for another writer before it fails with an <see cref="AnimaStoreException"/>.</summary>
    /// <value>The default value is five seconds; it must not be negative.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how many of an agent's newest events the store keeps; each save removes the older ones (after
    /// handing them to <see cref="EventsPruning"/>), so a long-lived agent's file stays bounded although it records
    /// an event for every experience. <see langword="null"/> keeps every event.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxEventsPerAgent"/>; when set, it must be at least one.</value>
    public int? MaxEventsPerAgent { get; set; } = DefaultMaxEventsPerAgent;

    /// <summary>
    /// Gets or sets how old an event may grow, measured back from the newest saved event of the same agent, before a
    /// save removes it. <see langword="null"/> keeps events of any age.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; when set, it must be positive.</value>
    public TimeSpan? MaxEventAge { get; set; }

    /// <summary>
    /// Gets or sets what receives an agent's events just before a save removes them (the agent's id and the events,
    /// oldest first), such as an archive that keeps the full log. It runs inside the save's transaction: when it
    /// throws, the save fails and nothing is removed or written.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: pruned events are dropped.</value>
    public Func<string, IReadOnlyList<AnimaEvent>, CancellationToken, Task>? EventsPruning { get; set; }

    internal SqliteAnimaStoreOptions Checked()
    {
        if (LockTimeout < TimeSpan.Zero || LockTimeout.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException("options.LockTimeout", LockTimeout, "The lock timeout must be zero or positive (at most int.MaxValue seconds).");
        }

        if (MaxEventsPerAgent is < 1)
        {
            throw new ArgumentOutOfRangeException("options.MaxEventsPerAgent", MaxEventsPerAgent, "The number of events kept per agent must be at least one, or null to keep every event.");
        }

        if (MaxEventAge is { } age && age <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options.MaxEventAge", age, "The age of the events kept must be positive, or null to keep events of any age.");
        }

        return new SqliteAnimaStoreOptions { LockTimeout = LockTimeout, MaxEventsPerAgent = MaxEventsPerAgent, MaxEventAge = MaxEventAge, EventsPruning = EventsPruning };
    }
}
