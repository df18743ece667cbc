using System.Runtime.InteropServices;
using Anima.Character;

namespace Anima.Engine;

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

    // Every numeric array of the agent lives in one buffer, so that copying the agent for a step is one block copy.
    private readonly double[] _data;
    private readonly int _felt;
    private readonly int _slow;
    private readonly int _prediction;
    private readonly int _map;
    private readonly int _trend;
    private readonly int _growth;
    private readonly int _growthBasis;
    private readonly int _soul;
    private readonly int _soulBase;
    private readonly int _soulLearning;
    private readonly int _desires;

    public AgentState(int channels, int predictionLength, int emotions, double[] history)
    {
        Channels = channels;
        PredictionLength = predictionLength;
        Emotions = emotions;
        History = history;
        int at = channels;
        _felt = Take(ref at, channels);
        _slow = Take(ref at, channels);
        _prediction = Take(ref at, predictionLength);
        _map = Take(ref at, 3 * emotions);
        _trend = Take(ref at, 4);
        _growth = Take(ref at, PersonalityGrowth.Traits * PersonalityGrowth.Sources);
        _growthBasis = Take(ref at, PersonalityGrowth.Traits);
        _soul = Take(ref at, channels * 4);
        _soulBase = Take(ref at, channels * 4);
        _soulLearning = Take(ref at, channels * 4);
        System.Diagnostics.Debug.Assert(NeedCount <= NeedSlots, "Every need must have a desire slot.");
        _desires = Take(ref at, NeedSlots);
        _data = new double[at];

        static int Take(ref int at, int length)
        {
            int start = at;
            at += length;
            return start;
        }
    }

    public int Channels { get; }

    public int PredictionLength { get; }

    public int Emotions { get; }

    public long Count;
    public DateTimeOffset LastTime;
    public ulong Random;
    public Span<double> Levels => _data.AsSpan(0, Channels);

    /// <summary>The levels as felt in the latest step, before an ego defense reshaped them.</summary>
    public Span<double> Felt => _data.AsSpan(_felt, Channels);
    public Span<double> SlowLevels => _data.AsSpan(_slow, Channels);
    public Span<double> Prediction => _data.AsSpan(_prediction, PredictionLength);
    public readonly double[] History;
    public int HistoryCount;
    public int HistoryHead;
    public Span<Vad> MapOffsets => MemoryMarshal.Cast<double, Vad>(_data.AsSpan(_map, 3 * Emotions));
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
    public Span<double> StimulusTrend => _data.AsSpan(_trend, 4);
    public Span<double> Growth => _data.AsSpan(_growth, PersonalityGrowth.Traits * PersonalityGrowth.Sources);

    /// <summary>Each trait's latent drift when <see cref="Personality"/> was last grown.</summary>
    public Span<double> GrowthBasis => _data.AsSpan(_growthBasis, PersonalityGrowth.Traits);
    private Personality _personality = Personality.Balanced;

    /// <summary>Gets or sets the personality now; setting it also sets <see cref="Temperament"/>.</summary>
    public Personality Personality
    {
        get => _personality;
        set
        {
            _personality = value;
            Temperament = value.Temperament();
        }
    }

    /// <summary>Gets the temperament of <see cref="Personality"/>, kept so the felt point need not work it out each step.</summary>
    public Vad Temperament { get; private set; } = Personality.Balanced.Temperament();

    /// <summary>The soul matrix as it is now: <see cref="SoulBase"/> moved by <see cref="SoulLearning"/>, within bounds.</summary>
    public Span<double> Soul => _data.AsSpan(_soul, 4 * Channels);

    /// <summary>The soul matrix the profile and <see cref="Personality"/> give: channel × appraisal dimension.</summary>
    public Span<double> SoulBase => _data.AsSpan(_soulBase, 4 * Channels);

    /// <summary>Each soul coefficient's latent, unbounded learning (see <see cref="SoulMatrix"/>).</summary>
    public Span<double> SoulLearning => _data.AsSpan(_soulLearning, 4 * Channels);

    /// <summary>When the user last spoke to the agent; longing for company grows from it.</summary>
    public DateTimeOffset LastContact;

    /// <summary>The number of <see cref="Need"/> values.</summary>
    public static readonly int NeedCount = Enum.GetValues<Need>().Length;

    /// <summary>Each need's drive, smoothed over experiences: what a desire arises from.</summary>
    public Span<double> DesirePressure => _data.AsSpan(_desires, NeedCount);

    /// <summary>
    /// The desire pressures with room after them up to <see cref="NeedSlots"/>, for whole vectors; the room stays
    /// zero.
    /// </summary>
    public Span<double> DesireSlots => _data.AsSpan(_desires, NeedSlots);

    /// <summary>Room for up to sixteen needs: four vectors of four.</summary>
    public const int NeedSlots = 16;

    /// <summary>The needs (bits by <see cref="Need"/>) whose desire has arisen and has not yet subsided.</summary>
    public int DesiresFelt;

    /// <summary>The needs whose desire arose in the latest step; not kept between steps.</summary>
    public int DesiresArisen;

    public AnimaState Snapshot = null!;

    /// <summary>Sets every level, prediction, offset, accumulator and coefficient to zero.</summary>
    public void ClearNumbers() => Array.Clear(_data);

    public void CopyFrom(AgentState other)
    {
        other._data.AsSpan().CopyTo(_data);
        Count = other.Count;
        LastTime = other.LastTime;
        Random = other.Random;
        HistoryCount = other.HistoryCount;
        HistoryHead = other.HistoryHead;
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
        _personality = other._personality;
        Temperament = other.Temperament;
        LastContact = other.LastContact;
        DesiresFelt = other.DesiresFelt;
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
