using System.Globalization;
using System.Text;

namespace Anima;

/// <summary>How an agent's personality has grown with experience: every trait, largest change first.</summary>
public sealed class GrowthReport
{
    internal GrowthReport(long experiences, TraitGrowth[] traits)
    {
        Experiences = experiences;
        Traits = traits;
    }

    /// <summary>Gets the number of experiences the agent has had.</summary>
    public long Experiences { get; }

    /// <summary>Gets every trait's growth, ordered by the size of its change, largest first.</summary>
    public IReadOnlyList<TraitGrowth> Traits { get; }

    /// <summary>Gets the trait that changed most.</summary>
    public TraitGrowth Largest => Traits[0];

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

    /// <summary>Returns a short English account of the growth, one line per trait.</summary>
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

        return text.ToString();
    }
}
