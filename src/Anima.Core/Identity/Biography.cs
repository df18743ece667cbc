namespace Anima.Identity;

/// <summary>Layer 4 readings that need no state of their own: the archival theme and the phase of existence.</summary>
internal static class Biography
{
    private static readonly string[] PhaseNames = ["Awakening", "Discovery", "Formation", "Maturity", "Depth"];

    /// <summary>
    /// The phase for a count of experiences: one step per factor of ten, open-ended (Depth keeps counting).
    /// </summary>
    public static LifePhase Phase(long experiences)
    {
        int depth = 0;
        for (long threshold = 10; experiences >= threshold && depth < 18; threshold *= 10)
        {
            depth++;
        }

        return new LifePhase(PhaseNames[Math.Min(depth, PhaseNames.Length - 1)], depth);
    }

    /// <summary>
    /// The background theme from the slow average of each channel's normalised deviation, by role: the
    /// strongest of survival (threat high), loneliness or belonging (bond low or high), loss or flourishing
    /// (reward or mood low or high) and restlessness (energy high) past a margin of 0.25 (0.35 for energy);
    /// calm when none is.
    /// </summary>
    public static ArchivalTheme Theme(ReadOnlySpan<double> slowLevels, ChannelProfile profile)
    {
        var theme = ArchivalTheme.Calm;
        double strongest = 0;
        var channels = profile.Span;
        for (int i = 0; i < channels.Length; i++)
        {
            double d = profile.Deviation(i, slowLevels[i]);
            switch (channels[i].Role)
            {
                case ChannelRole.Threat:
                    Consider(ArchivalTheme.Survival, d - 0.25);
                    break;
                case ChannelRole.Bond:
                    Consider(ArchivalTheme.Loneliness, -d - 0.25);
                    Consider(ArchivalTheme.Belonging, d - 0.25);
                    break;
                case ChannelRole.Reward or ChannelRole.Mood:
                    Consider(ArchivalTheme.Loss, -d - 0.25);
                    Consider(ArchivalTheme.Flourishing, d - 0.25);
                    break;
                case ChannelRole.Energy:
                    Consider(ArchivalTheme.Restlessness, d - 0.35);
                    break;
            }
        }

        return theme;

        void Consider(ArchivalTheme candidate, double score)
        {
            if (score > strongest)
            {
                strongest = score;
                theme = candidate;
            }
        }
    }
}
