using Anima.Numerics;

namespace Anima.Character;

/// <summary>
/// Growth without saturation (F8), in both directions. Each trait has a latent drift z, the sum of one accumulator
/// per <see cref="GrowthSource"/>; each experience adds η·w·signal and takes κ·c back (mean reversion), and the
/// trait is its configured value plus 0.45·tanh(z), kept within [0.03, 0.97]. With η = 0.001 and κ = 0.0002 a
/// sustained experience settles at z = 5·w·signal over some five thousand experiences and fades as slowly (about
/// half is left three thousand quiet experiences later), so a long life can change a character for good while no
/// trait ever reaches 0 or 1, unlike Anima v6 whose traits saturate within ten thousand experiences. The threat
/// signal is what the threat met (<see cref="Exposure.LearnedThreat"/>): safety soothes neuroticism.
/// </summary>
internal static class PersonalityGrowth
{
    public const int Traits = 5;
    public const int Sources = 5;
    public const double MaxDrift = 0.45;
    public const double Floor = 0.03;
    public const double Ceiling = 0.97;
    private const double Rate = 0.001;
    private const double Reversion = 0.0002;
    private const double RefreshStep = 0.002;

    /// <summary>
    /// Trait × source weights: tension feeds neuroticism (reward and closeness soothe it); excitement and
    /// closeness feed extraversion; closeness feeds agreeableness; novelty feeds openness; reward feeds,
    /// and restless excitement erodes, conscientiousness.
    /// </summary>
    private static ReadOnlySpan<double> Weights =>
    [
        // Threat, Excitement, Reward, Closeness, Novelty
        0, 0, 0, 0, 1,          // Openness
        0, -0.3, 0.5, 0, 0,     // Conscientiousness
        0, 0.5, 0, 0.5, 0,      // Extraversion
        0, 0, 0, 1, 0,          // Agreeableness
        1, 0, -0.3, -0.3, 0,    // Neuroticism
    ];

    /// <summary>
    /// Learns from one experience: the appraisal (tension, arousal, satisfaction, cohesion) and its novelty.
    /// Writes each trait's latent drift, the sum of its accumulators, to <paramref name="drift"/>.
    /// </summary>
    public static void Learn(Span<double> accumulators, ReadOnlySpan<double> appraisal, double novelty, Span<double> drift)
    {
        var weights = Weights;
        // Threat teaches what it met: a feared thing that keeps proving safe soothes (Exposure). Openness grows with what
        // is new or fascinating (activation that pleases, counted twice) against a mean of a quarter, in proportion to how
        // much happened: a quiet life does not erode it.
        double activity = Math.Min(1, Math.Abs(appraisal[0]) + Math.Abs(appraisal[1]) + Math.Abs(appraisal[2]) + Math.Abs(appraisal[3]));
        double fascination = 2 * Math.Max(0, appraisal[1]) * Math.Max(0, appraisal[2]);
        double s0 = Exposure.LearnedThreat(appraisal), s1 = appraisal[1], s2 = appraisal[2], s3 = appraisal[3];
        double s4 = (Math.Max(novelty, fascination) - 0.25) * activity;
        for (int t = 0; t < Traits; t++)
        {
            var w = weights.Slice(t * Sources, Sources);
            var a = accumulators.Slice(t * Sources, Sources);
            a[0] += (Rate * w[0] * s0) - (Reversion * a[0]);
            a[1] += (Rate * w[1] * s1) - (Reversion * a[1]);
            a[2] += (Rate * w[2] * s2) - (Reversion * a[2]);
            a[3] += (Rate * w[3] * s3) - (Reversion * a[3]);
            a[4] += (Rate * w[4] * s4) - (Reversion * a[4]);
            drift[t] = a[0] + a[1] + a[2] + a[3] + a[4];
        }
    }

    public static double Trait(double configured, ReadOnlySpan<double> accumulators, int trait) =>
        Grown(configured, Drift(accumulators, trait));

    private static double Drift(ReadOnlySpan<double> accumulators, int trait)
    {
        double z = 0;
        for (int s = 0; s < Sources; s++)
        {
            z += accumulators[(trait * Sources) + s];
        }

        return z;
    }

    private static double Grown(double configured, double drift) =>
        Math.Clamp(configured + (MaxDrift * Math.Tanh(drift)), Floor, Ceiling);

    /// <summary>
    /// Returns the grown personality when any trait moved by at least the refresh step; otherwise
    /// <paramref name="current"/>. <paramref name="drift"/> is each trait's latent drift now (see <see cref="Learn"/>);
    /// <paramref name="basis"/> holds each trait's drift when <paramref name="current"/> was made, and is updated with it.
    /// </summary>
    /// <remarks>
    /// A trait moves by at most a quarter of its drift's change (tanh is 1-Lipschitz, and so is the clamp), so
    /// while no drift has moved by four refresh steps the traits are not recomputed at all.
    /// </remarks>
    public static Personality Refresh(Personality configured, Personality current, ReadOnlySpan<double> drift, Span<double> basis)
    {
        bool far = false;
        for (int t = 0; t < Traits; t++)
        {
            far |= Math.Abs(drift[t] - basis[t]) * MaxDrift >= RefreshStep;
        }

        if (!far)
        {
            return current;
        }

        var grownBuffer = default(SixteenNumbers);
        Span<double> grown = grownBuffer[..Traits];
        bool moved = false;
        for (int t = 0; t < Traits; t++)
        {
            grown[t] = Grown(configured[(PersonalityTrait)t], drift[t]);
            moved |= Math.Abs(grown[t] - current[(PersonalityTrait)t]) >= RefreshStep;
        }

        if (!moved)
        {
            return current;
        }

        drift.CopyTo(basis);
        return Create(grown);
    }

    public static Personality Create(ReadOnlySpan<double> traits) => new()
    {
        Openness = traits[(int)PersonalityTrait.Openness],
        Conscientiousness = traits[(int)PersonalityTrait.Conscientiousness],
        Extraversion = traits[(int)PersonalityTrait.Extraversion],
        Agreeableness = traits[(int)PersonalityTrait.Agreeableness],
        Neuroticism = traits[(int)PersonalityTrait.Neuroticism],
    };

    /// <summary>The personality an agent starts with: the configured one, within [0.03, 0.97].</summary>
    public static Personality Start(Personality configured)
    {
        Span<double> traits = stackalloc double[Traits];
        for (int t = 0; t < Traits; t++)
        {
            traits[t] = Math.Clamp(configured[(PersonalityTrait)t], Floor, Ceiling);
        }

        return Create(traits);
    }

    public static GrowthReport Report(long experiences, Personality configured, ReadOnlySpan<double> accumulators, SoulGrowth[] soul)
    {
        var traits = new TraitGrowth[Traits];
        for (int t = 0; t < Traits; t++)
        {
            double before = configured[(PersonalityTrait)t];
            double now = Trait(before, accumulators, t);
            double direction = Math.Sign(now - before);
            int main = 0;
            double strongest = double.NegativeInfinity;
            for (int s = 0; s < Sources; s++)
            {
                double push = accumulators[(t * Sources) + s] * (direction == 0 ? 1 : direction);
                if (push > strongest)
                {
                    strongest = push;
                    main = s;
                }
            }

            traits[t] = new TraitGrowth((PersonalityTrait)t, before, now, (GrowthSource)main);
        }

        Array.Sort(traits, static (a, b) => Math.Abs(b.Drift).CompareTo(Math.Abs(a.Drift)));
        return new GrowthReport(experiences, traits, soul);
    }
}
