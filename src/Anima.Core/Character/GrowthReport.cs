using System.Globalization;
using System.Text;

namespace Anima;

/// <summary>
/// How an agent has grown with experience: every trait of its personality and every coefficient of its soul
/// matrix, largest change first, with what caused it.
/// </summary>
public sealed class GrowthReport
{
    internal GrowthReport(long experiences, TraitGrowth[] traits, SoulGrowth[] soul)
    {
        Experiences = experiences;
        Traits = traits;
        Array.Sort(soul, static (a, b) => Math.Abs(b.Change).CompareTo(Math.Abs(a.Change)));
        Soul = soul;
    }

    /// <summary>Gets the number of experiences the agent has had.</summary>
    public long Experiences { get; }

    /// <summary>Gets every trait's growth, ordered by the size of its change, largest first.</summary>
    public IReadOnlyList<TraitGrowth> Traits { get; }

    /// <summary>Gets the trait that changed most.</summary>
    public TraitGrowth Largest => Traits[0];

    /// <summary>Gets every coefficient of the soul matrix (<see cref="AnimaCore.Soul"/>), ordered by the size of its change, largest first.</summary>
    public IReadOnlyList<SoulGrowth> Soul { get; }

    /// <summary>Gets how far the agent has grown overall: the Euclidean length of all trait changes.</summary>
    public double Distance
    {
        get
        {
            double sum = 0;
            foreach (var trait in Traits)
            {
                sum += trait.Drift * trait.Drift;
            }

            return Math.Sqrt(sum);
        }
    }

    /// <summary>Returns a short English account of the growth: one line per trait, then the three soul coefficients that changed most.</summary>
    /// <returns>The account.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"After {Experiences} experiences:");
        foreach (var t in Traits)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  {t.Trait}: {t.Configured:0.000} -> {t.Current:0.000} ({t.Drift:+0.000;-0.000;0.000}), mostly from {t.MainSource}");
        }

        foreach (var c in Soul.Take(3))
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  soul, {c.Channel} answering {c.Dimension}: {c.Configured:0.000} -> {c.Current:0.000} ({c.Change:+0.000;-0.000;0.000}), {c.Learned:+0.000;-0.000;0.000} of it learned from experiences of {c.Dimension}");
        }

        return text.ToString();
    }
}
