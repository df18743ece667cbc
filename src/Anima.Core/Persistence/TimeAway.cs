namespace Anima.Persistence;

/// <summary>Loading an agent that was away: it lives the time through, as if it had been running.</summary>
internal static class TimeAway
{
    /// <summary>How long an agent must have been away before loading it lives the time through.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(1);

    public static async Task<bool> LoadAsync(AnimaCore agent, IAnimaStore store, string agentId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await store.LoadAsync(agentId, agent, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (time.GetUtcNow() - agent.State.Timestamp > Threshold)
        {
            agent.Heartbeat();
        }

        return true;
    }
}
