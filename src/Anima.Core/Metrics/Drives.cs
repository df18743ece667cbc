namespace Anima.Metrics;

/// <summary>
/// Homeostatic drives (F4): every channel outside its tolerance band, with its direction and the need it creates.
/// A channel whose excess is no need (satisfaction, a bond: good feelings in plenty) creates none; an energy channel's
/// excess is a need to rest only while a threat channel is raised too.
/// </summary>
internal static class Drives
{
    /// <summary>The longing for company from which it is felt as a need for connection.</summary>
    public const double LongingFelt = 0.3;

    /// <summary>
    /// Every channel outside its tolerance band, strongest first. Longing for company deepens the bond channel's
    /// deficit: from a longing of <see cref="LongingFelt"/> it is felt as a need for connection, unless the bond is
    /// already more than full.
    /// </summary>
    /// <param name="profile">The channels.</param>
    /// <param name="levels">Their levels.</param>
    /// <param name="bond">The index of the bond channel, or −1.</param>
    /// <param name="longing">The longing for company, in [0, 1].</param>
    public static Drive[] Read(ChannelProfile profile, ReadOnlySpan<double> levels, int bond, double longing)
    {
        var channels = profile.Span;
        var strengthBuffer = default(Numerics.ChannelNumbers);
        Span<double> strengths = strengthBuffer[..channels.Length];
        double lonely = Math.Clamp((longing - LongingFelt) / (1 - LongingFelt), 0, 1);
        bool longingWins = false;
        bool threatened = Threatened(profile, levels);
        int count = 0;
        for (int i = 0; i < channels.Length; i++)
        {
            var c = channels[i];
            double dev = profile.Deviation(i, levels[i]);
            Need? need = dev > 0 ? c.ExcessNeed : c.DeficitNeed;

            // Energy in excess is a need to rest only when it comes with threat: the arousal of joy needs no rest.
            if (dev > 0 && c.Role == ChannelRole.Energy && !threatened)
            {
                need = null;
            }

            strengths[i] = need is null ? 0 : Math.Min(1, (Math.Abs(dev) - c.Tolerance) / (1 - c.Tolerance));
            if (i == bond && dev <= c.Tolerance && c.DeficitNeed is not null && lonely > strengths[i])
            {
                strengths[i] = lonely;
                longingWins = true;
            }

            count += strengths[i] > 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var drives = new Drive[count];
        int filled = 0;
        for (int i = 0; i < channels.Length; i++)
        {
            if (strengths[i] <= 0)
            {
                continue;
            }

            var c = channels[i];
            bool excess = levels[i] > c.Baseline && !(i == bond && longingWins);
            var drive = new Drive(c.Name, excess ? DriveDirection.Excess : DriveDirection.Deficit, strengths[i], (excess ? c.ExcessNeed : c.DeficitNeed)!.Value);
            int at = filled++;
            while (at > 0 && drives[at - 1].Strength < drive.Strength)
            {
                drives[at] = drives[at - 1];
                at--;
            }

            drives[at] = drive;
        }

        return drives;
    }

    /// <summary>Whether a threat channel is above its baseline by more than its tolerance.</summary>
    private static bool Threatened(ChannelProfile profile, ReadOnlySpan<double> levels)
    {
        var channels = profile.Span;
        for (int i = 0; i < channels.Length; i++)
        {
            if (channels[i].Role == ChannelRole.Threat && profile.Deviation(i, levels[i]) > channels[i].Tolerance)
            {
                return true;
            }
        }

        return false;
    }
}
