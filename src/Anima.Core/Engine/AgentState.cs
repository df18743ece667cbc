namespace Anima;

/// <summary>
/// Everything an agent remembers between experiences, in plain fields and arrays, so that an experience
/// can be computed on a copy and committed by swapping (nothing half-applied if a layer throws), and so
/// that the whole agent can be saved.
/// </summary>
/// <remarks>
/// The window of recent states is the one large part; the two copies share it rather than copy it on
/// every experience. A step only reads it, and <see cref="Commit"/> appends the felt row once the step
/// has succeeded.
/// </remarks>
internal sealed class AgentState
{
    /// <summary>The number of recent states φ is measured over.</summary>
    public const int HistoryLength = 32;

    public AgentState(int channels, int predictionLength, int emotions, double[] history)
    {
        Channels = channels;
        Levels = new double[channels];
        Felt = new double[channels];
        SlowLevels = new double[channels];
        Prediction = new double[predictionLength];
        History = history;
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

    /// <summary>The levels as felt in the latest step, before an ego defense reshaped them.</summary>
    public double[] Felt;
    public double[] SlowLevels;
    public double[] Prediction;
    public readonly double[] History;
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
        other.Felt.CopyTo(Felt, 0);
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

    /// <summary>Appends the felt row of a step that has succeeded to the shared window of recent states.</summary>
    public void Commit()
    {
        Felt.CopyTo(History.AsSpan(HistoryHead * Channels, Channels));
        HistoryHead = (HistoryHead + 1) % HistoryLength;
        HistoryCount = Math.Min(HistoryCount + 1, HistoryLength);
    }

    /// <summary>
    /// Writes the recent states, oldest first, followed by <paramref name="newest"/>, into
    /// <paramref name="destination"/> (the oldest row drops out when the window is full); returns the filled part.
    /// </summary>
    public ReadOnlySpan<double> RecentStates(ReadOnlySpan<double> newest, Span<double> destination)
    {
        int kept = Math.Min(HistoryCount, HistoryLength - 1);
        int start = (HistoryHead - kept + HistoryLength) % HistoryLength;
        int firstRun = Math.Min(kept, HistoryLength - start);
        History.AsSpan(start * Channels, firstRun * Channels).CopyTo(destination);
        History.AsSpan(0, (kept - firstRun) * Channels).CopyTo(destination[(firstRun * Channels)..]);
        newest.CopyTo(destination[(kept * Channels)..]);
        return destination[..((kept + 1) * Channels)];
    }
}
