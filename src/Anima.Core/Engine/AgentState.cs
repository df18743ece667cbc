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
        SoulBase = new double[channels * 4];
        SoulLearning = new double[channels * 4];
        Growth = new double[PersonalityGrowth.Traits * PersonalityGrowth.Sources];
        GrowthBasis = new double[PersonalityGrowth.Traits];
        StimulusTrend = new double[4];
        DesirePressure = new double[NeedCount];
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
    public double Frustration;
    public int LowCoherenceRun;
    public bool Crisis;
    public Intention? Intention;
    public double[] StimulusTrend;
    public double[] Growth;

    /// <summary>Each trait's latent drift when <see cref="Personality"/> was last grown.</summary>
    public double[] GrowthBasis;
    public Personality Personality = Personality.Balanced;

    /// <summary>The soul matrix as it is now: <see cref="SoulBase"/> moved by <see cref="SoulLearning"/>, within bounds.</summary>
    public double[] Soul;

    /// <summary>The soul matrix the profile and <see cref="Personality"/> give: channel × appraisal dimension.</summary>
    public double[] SoulBase;

    /// <summary>Each soul coefficient's latent, unbounded learning (see <see cref="SoulMatrix"/>).</summary>
    public double[] SoulLearning;

    /// <summary>When the user last spoke to the agent; longing for company grows from it.</summary>
    public DateTimeOffset LastContact;

    /// <summary>The number of <see cref="Need"/> values.</summary>
    public static readonly int NeedCount = Enum.GetValues<Need>().Length;

    /// <summary>Each need's drive, smoothed over experiences: what a desire arises from.</summary>
    public double[] DesirePressure;

    /// <summary>The needs (bits by <see cref="Need"/>) whose desire has arisen and has not yet subsided.</summary>
    public int DesiresFelt;

    /// <summary>The needs whose desire arose in the latest step; not kept between steps.</summary>
    public int DesiresArisen;

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
        Frustration = other.Frustration;
        LowCoherenceRun = other.LowCoherenceRun;
        Crisis = other.Crisis;
        Intention = other.Intention;
        other.StimulusTrend.CopyTo(StimulusTrend, 0);
        other.Growth.CopyTo(Growth, 0);
        other.GrowthBasis.CopyTo(GrowthBasis, 0);
        Personality = other.Personality;
        other.Soul.CopyTo(Soul, 0);
        other.SoulBase.CopyTo(SoulBase, 0);
        other.SoulLearning.CopyTo(SoulLearning, 0);
        LastContact = other.LastContact;
        DesiresFelt = other.DesiresFelt;
        other.DesirePressure.CopyTo(DesirePressure, 0);
        DesiresArisen = other.DesiresArisen;
        Snapshot = other.Snapshot;
    }

    /// <summary>The size of the shared window buffer for <paramref name="channels"/> channels: every level is kept twice.</summary>
    public static int HistorySize(int channels) => 2 * HistoryLength * channels;

    /// <summary>Appends the felt row of a step that has succeeded to the shared window of recent states.</summary>
    public void Commit()
    {
        Write(Felt);
        HistoryHead = (HistoryHead + 1) % HistoryLength;
        HistoryCount = Math.Min(HistoryCount + 1, HistoryLength);
    }

    /// <summary>
    /// Returns the recent states, oldest first, ending with <paramref name="newest"/> (the oldest drops out
    /// when the window is full), without copying the window.
    /// </summary>
    /// <remarks>
    /// Each channel has its own ring of <see cref="HistoryLength"/> slots, kept twice over (slot <c>i</c> and
    /// <c>i + HistoryLength</c>), so any run of recent levels is contiguous. The newest state goes into the
    /// slot at the head, which no committed window reads: if the step fails, nothing committed is lost.
    /// </remarks>
    public StateWindow RecentStates(ReadOnlySpan<double> newest)
    {
        Write(newest);
        int kept = Math.Min(HistoryCount, HistoryLength - 1);
        return new StateWindow(History, Channels, 2 * HistoryLength, HistoryHead + HistoryLength - kept, kept + 1);
    }

    private void Write(ReadOnlySpan<double> row)
    {
        for (int c = 0; c < row.Length; c++)
        {
            int ring = c * 2 * HistoryLength;
            History[ring + HistoryHead] = row[c];
            History[ring + HistoryHead + HistoryLength] = row[c];
        }
    }
}
