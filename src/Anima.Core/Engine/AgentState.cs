namespace Anima;

/// <summary>
/// Everything an agent remembers between experiences, in plain fields and arrays, so that an experience
/// can be computed on a copy and committed by swapping (nothing half-applied if a layer throws), and so
/// that the whole agent can be saved.
/// </summary>
internal sealed class AgentState
{
    /// <summary>The number of recent states φ is measured over.</summary>
    public const int HistoryLength = 32;

    public AgentState(int channels, int predictionLength, int emotions)
    {
        Channels = channels;
        Levels = new double[channels];
        SlowLevels = new double[channels];
        Prediction = new double[predictionLength];
        History = new double[HistoryLength * channels];
        MapOffsets = new Vad[emotions];
        Soul = new double[channels * 4];
        Growth = new double[PersonalityGrowth.Traits * PersonalityGrowth.Sources];
        StimulusTrend = new double[4];
    }

    public int Channels { get; }

    public long Count;
    public DateTimeOffset LastTime;
    public ulong Random;
    public double[] Levels;
    public double[] SlowLevels;
    public double[] Prediction;
    public double[] History;
    public int HistoryCount;
    public int HistoryHead;
    public Vad[] MapOffsets;
    public double SurpriseMean;
    public double SurpriseVariance;
    public Vad Past;
    public Vad Recent;
    public Vad LastVad;
    public double Volatility;
    public int LowCoherenceRun;
    public bool Crisis;
    public Intention? Intention;
    public double[] StimulusTrend;
    public double[] Growth;
    public Personality Personality = Personality.Balanced;

    /// <summary>The soul matrix: channel × appraisal dimension, derived from the profile and <see cref="Personality"/>.</summary>
    public double[] Soul;

    public AnimaState Snapshot = null!;

    public void CopyFrom(AgentState other)
    {
        Count = other.Count;
        LastTime = other.LastTime;
        Random = other.Random;
        other.Levels.CopyTo(Levels, 0);
        other.SlowLevels.CopyTo(SlowLevels, 0);
        other.Prediction.CopyTo(Prediction, 0);
        other.History.CopyTo(History, 0);
        HistoryCount = other.HistoryCount;
        HistoryHead = other.HistoryHead;
        other.MapOffsets.CopyTo(MapOffsets, 0);
        SurpriseMean = other.SurpriseMean;
        SurpriseVariance = other.SurpriseVariance;
        Past = other.Past;
        Recent = other.Recent;
        LastVad = other.LastVad;
        Volatility = other.Volatility;
        LowCoherenceRun = other.LowCoherenceRun;
        Crisis = other.Crisis;
        Intention = other.Intention;
        other.StimulusTrend.CopyTo(StimulusTrend, 0);
        other.Growth.CopyTo(Growth, 0);
        Personality = other.Personality;
        other.Soul.CopyTo(Soul, 0);
        Snapshot = other.Snapshot;
    }

    /// <summary>Appends one row of levels to the ring of recent states.</summary>
    public void Remember(ReadOnlySpan<double> levels)
    {
        levels.CopyTo(History.AsSpan(HistoryHead * Channels, Channels));
        HistoryHead = (HistoryHead + 1) % HistoryLength;
        HistoryCount = Math.Min(HistoryCount + 1, HistoryLength);
    }

    /// <summary>Copies the recent states, oldest first, into <paramref name="destination"/>; returns the filled part.</summary>
    public ReadOnlySpan<double> RecentStates(Span<double> destination)
    {
        int rows = HistoryCount;
        int oldest = rows < HistoryLength ? 0 : HistoryHead;
        int firstRun = Math.Min(rows, HistoryLength - oldest);
        History.AsSpan(oldest * Channels, firstRun * Channels).CopyTo(destination);
        History.AsSpan(0, (rows - firstRun) * Channels).CopyTo(destination[(firstRun * Channels)..]);
        return destination[..(rows * Channels)];
    }
}
