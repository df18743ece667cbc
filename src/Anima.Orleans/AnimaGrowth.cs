using System.Collections.Immutable;

namespace Anima.Orleans;

/// <summary>How far an agent grain has grown from the character it was configured with (a copy of its <see cref="GrowthReport"/>).</summary>
[GenerateSerializer, Immutable, Alias("Anima.Orleans.AnimaGrowth")]
public sealed record AnimaGrowth
{
    /// <summary>The experiences the growth was learned from.</summary>
    [Id(0)] public long Experiences { get; init; }

    /// <summary>The Euclidean distance of the five traits from the configured personality.</summary>
    [Id(1)] public double Distance { get; init; }

    /// <summary>Each Big Five trait, configured and current.</summary>
    [Id(2)] public required ImmutableArray<TraitGrowth> Traits { get; init; }

    /// <summary>Each soul-matrix entry that has learned, configured and current.</summary>
    [Id(3)] public required ImmutableArray<SoulGrowth> Soul { get; init; }

    /// <summary>Copies a growth report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static AnimaGrowth From(GrowthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new AnimaGrowth { Experiences = report.Experiences, Distance = report.Distance, Traits = [.. report.Traits], Soul = [.. report.Soul] };
    }
}
