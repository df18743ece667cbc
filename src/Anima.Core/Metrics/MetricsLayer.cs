using System.Text.Json;
using Anima.Numerics;
using Anima.StateModel;

namespace Anima.Metrics;

/// <summary>
/// L3, what is measured: φ over the window of recent states (the agent's <see cref="IIntegrationCalculator"/>),
/// precision-weighted prediction error and surprise (its <see cref="IPredictionModel"/>), surprise spikes against a
/// running mean, the homeostatic drives and the desires they raise.
/// </summary>
internal sealed class MetricsLayer : IStateSection
{
    /// <summary>The number of recent states φ is measured over.</summary>
    public const int WindowLength = 32;

    /// <summary>
    /// How fast the running mean and variance of surprise follow: an exponential average of about twenty experiences,
    /// after an exact running mean over the first twenty.
    /// </summary>
    private const double SurpriseRate = 0.05;

    /// <summary>A spike needs this many experiences behind it, so a newborn agent's first moments are not all spikes.</summary>
    private const int SpikeMaturity = 5;

    /// <summary>A spike needs a prediction error of at least this.</summary>
    private const double SpikeError = 2;

    /// <summary>The least standard deviation a spike is measured against, so a long calm does not make every ripple a spike.</summary>
    private const double SpikeDeviationFloor = 0.5;

    /// <summary>The spike threshold in standard deviations for a mind of no surprise sensitivity; sensitivity lowers it by up to <see cref="SensitivityEase"/>.</summary>
    private const double SpikeThreshold = 3.5;

    /// <summary>How many standard deviations of one surprise the running mean and variance take in (a Huber estimate).</summary>
    private const double HuberReach = 2;

    /// <summary>How much surprise sensitivity (<see cref="IPersonalityModel.SurpriseSensitivity"/>) lowers the spike threshold.</summary>
    private const double SensitivityEase = 1.5;

    private readonly ChannelProfile _profile;
    private readonly IIntegrationCalculator _integration;
    private readonly IPredictionModel _prediction;
    private readonly int _bond;
    private readonly NumberRange _model;
    private readonly ObjectSlot<double[]> _window;
    private readonly IntegerSlot _windowCount;
    private readonly IntegerSlot _windowHead;
    private readonly NumberSlot _surpriseMean;
    private readonly NumberSlot _surpriseVariance;
    private readonly NumberRange _pressure;
    private readonly IntegerSlot _desiresFelt;
    private readonly NumberRange _displaced;
    private readonly IntegerSlot _displacing;

    public MetricsLayer(StateLayout layout, ChannelProfile profile, IIntegrationCalculator integration, IPredictionModel prediction)
    {
        _profile = profile;
        _integration = integration;
        _prediction = prediction;
        _bond = profile.IndexOf(ChannelRole.Bond);
        _model = layout.Numbers(prediction.StateLength(profile.Count));
        _window = layout.Object<double[]>();
        _windowCount = layout.Integer();
        _windowHead = layout.Integer();
        _surpriseMean = layout.Number();
        _surpriseVariance = layout.Number();
        System.Diagnostics.Debug.Assert(Desires.NeedCount <= Thresholds.Slots, "Every need must have a desire slot.");
        _pressure = layout.Numbers(Thresholds.Slots);
        _desiresFelt = layout.Integer();
        _displaced = layout.Numbers(profile.Count);
        _displacing = layout.Integer();
    }

    /// <inheritdoc />
    public string Name => "metrics";

    /// <summary>Gets the running mean of surprise: the free energy.</summary>
    public double FreeEnergy(AgentState s) => _surpriseMean.Of(s);

    /// <summary>Gets each need's smoothed pressure, in <see cref="Need"/> order.</summary>
    public ReadOnlySpan<double> DesirePressure(AgentState s) => _pressure.Of(s)[..Desires.NeedCount];

    /// <summary>
    /// Lets the prediction expect the relaxation that time brought (each channel from <paramref name="before"/> to
    /// <paramref name="after"/>, toward its baseline), for a model that can (the default; a custom model is left as it is).
    /// </summary>
    public void Anticipate(AgentState s, ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        if (_prediction is not IAnticipatingPredictionModel anticipating)
        {
            return;
        }

        var channels = _profile.Span;
        var keepBuffer = default(Numerics.ChannelNumbers);
        var baselineBuffer = default(Numerics.ChannelNumbers);
        Span<double> keep = keepBuffer[..channels.Length];
        Span<double> baselines = baselineBuffer[..channels.Length];
        for (int i = 0; i < channels.Length; i++)
        {
            double baseline = channels[i].Baseline;
            double away = before[i] - baseline;
            baselines[i] = baseline;
            keep[i] = Math.Abs(away) < 1e-12 ? 1 : Math.Clamp((after[i] - baseline) / away, 0, 1);
        }

        anticipating.Anticipate(_model.Of(s), baselines, keep);
    }

    /// <summary>Nothing measured yet: an empty window, the model at rest at <paramref name="levels"/>.</summary>
    public void Reset(AgentState s, ReadOnlySpan<double> levels)
    {
        _prediction.Initialize(_model.Of(s), levels);
        var window = _window.Get(s);
        if (window is null)
        {
            _window.Set(s, new double[WindowSize]);
        }
        else
        {
            Array.Clear(window);
        }

        _windowCount.Of(s) = 0;
        _windowHead.Of(s) = 0;
        _surpriseMean.Of(s) = 0;
        _surpriseVariance.Of(s) = 1;
        _pressure.Of(s).Clear();
        _desiresFelt.Of(s) = 0;
    }

    /// <summary>Measures one experience: φ with <paramref name="felt"/> as the newest state, the prediction's error and surprise, spikes, drives and desires.</summary>
    /// <remarks>Written field by field into <paramref name="m"/>: a struct holding a reference, copied whole through a reference, costs a runtime call.</remarks>
    /// <exception cref="InvalidOperationException">A custom calculator or model returned a value outside its contract.</exception>
    public void Measure(AgentState s, ReadOnlySpan<double> felt, long count, double sensitivity, double longing, ref Measurement m)
    {
        m.Phi = _integration.Compute(RecentStates(s, felt));
        if (!double.IsFinite(m.Phi) || m.Phi < 0 || m.Phi > 1)
        {
            throw new InvalidOperationException($"The integration calculator {_integration.GetType().Name} returned {m.Phi}; φ must be in [0, 1].");
        }

        var outcome = _prediction.Observe(_model.Of(s), felt);
        if (!double.IsFinite(outcome.Error) || outcome.Error < 0 || !double.IsFinite(outcome.Surprise))
        {
            throw new InvalidOperationException($"The prediction model {_prediction.GetType().Name} returned {outcome}; the error must be finite and non-negative and the surprise finite.");
        }

        m.Outcome = outcome;
        ref double mean = ref _surpriseMean.Of(s);
        ref double variance = ref _surpriseVariance.Of(s);
        double deviation = outcome.Surprise - mean;
        double threshold = SpikeThreshold - (SensitivityEase * sensitivity);
        m.Spike = count >= SpikeMaturity && outcome.Error >= SpikeError && deviation > threshold * Math.Max(Math.Sqrt(variance), SpikeDeviationFloor);

        // An exact running mean at first (rate 1/n), exponential from the twentieth experience on: a young agent's mean
        // is its own experience, not a lag behind an arbitrary start of zero that inflated the variance and hid every spike.
        // Once mature, the estimate is robust (Huber 1964): a deviation counts for at most two standard deviations, so one
        // shock is a spike but does not lift free energy for dozens of experiences.
        double rate = Math.Max(1.0 / Math.Max(count, 1), SurpriseRate);
        double sd = Math.Max(Math.Sqrt(variance), SpikeDeviationFloor);
        double counted = count >= SpikeMaturity ? Math.Clamp(deviation, -HuberReach * sd, HuberReach * sd) : deviation;
        mean += rate * counted;
        variance = (1 - rate) * (variance + (rate * counted * counted));
        m.Drives = Drives.Read(_profile, felt, _bond, longing);
        m.DesiresArisen = Desires.Arise(m.Drives, _pressure.Of(s), ref _desiresFelt.Of(s));
    }

    /// <summary>Appends the felt state of a step that has succeeded to the window of recent states.</summary>
    public void Commit(AgentState s, ReadOnlySpan<double> felt)
    {
        _displacing.Of(s) = 0;
        ref long head = ref _windowHead.Of(s);
        ref long count = ref _windowCount.Of(s);
        Write(s, felt);
        head = (head + 1) % WindowLength;
        count = Math.Min(count + 1, WindowLength);
    }

    /// <summary>Puts back what a step that failed wrote into the shared window, if it wrote anything.</summary>
    public void Abandon(AgentState s)
    {
        if (_displacing.Of(s) != 0)
        {
            Write(s, _displaced.Of(s));
            _displacing.Of(s) = 0;
        }
    }

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer)
    {
        writer.WriteNumbers("prediction", _model.Of(s));
        writer.WriteNumbers("history", _window.Get(s));
        writer.WriteNumber("historyCount", _windowCount.Of(s));
        writer.WriteNumber("historyHead", _windowHead.Of(s));
        writer.WriteNumber("surpriseMean", _surpriseMean.Of(s));
        writer.WriteNumber("surpriseVariance", _surpriseVariance.Of(s));
        writer.WriteNumber("desiresFelt", _desiresFelt.Of(s));
        writer.WriteNumbers("desirePressure", DesirePressure(s));
    }

    /// <inheritdoc />
    public void Read(SectionReader section, AgentState s)
    {
        section.Numbers("prediction", _model.Of(s));
        if (!_prediction.IsValidState(_model.Of(s)))
        {
            throw SectionReader.Refuse($"{section.Path}.prediction is not a state the prediction model {_prediction.GetType().Name} can go on from");
        }

        var window = new double[WindowSize];
        section.Numbers("history", window, 0, 1);
        for (int c = 0; c < _profile.Count; c++)
        {
            var ring = window.AsSpan(c * 2 * WindowLength, 2 * WindowLength);
            if (!ring[..WindowLength].SequenceEqual(ring[WindowLength..]))
            {
                throw SectionReader.Refuse($"{section.Path}.history of channel {c} is not kept twice over, as every ring of the window is");
            }
        }
        _window.Set(s, window);
        _windowCount.Of(s) = section.Integer("historyCount", 0, WindowLength);
        _windowHead.Of(s) = section.Integer("historyHead", 0, WindowLength - 1);
        _surpriseMean.Of(s) = section.Number("surpriseMean");
        _surpriseVariance.Of(s) = section.Number("surpriseVariance", 0, SectionReader.Magnitude);
        _desiresFelt.Of(s) = section.Integer("desiresFelt", 0, (1 << Desires.NeedCount) - 1);
        section.Numbers("desirePressure", _pressure.Of(s)[..Desires.NeedCount], 0, 1);
    }

    /// <summary>Gives a copy of a state a window of its own, so it can live on without writing into the original's (the one object of a state that is written).</summary>
    public void Detach(AgentState s) => _window.Set(s, (double[])_window.Get(s)!.Clone());

    /// <summary>The size of the window buffer: every channel's ring of <see cref="WindowLength"/> slots, kept twice.</summary>
    private int WindowSize => 2 * WindowLength * _profile.Count;

    /// <summary>
    /// Returns the recent states, oldest first, ending with <paramref name="newest"/> (the oldest drops out when the
    /// window is full), without copying the window.
    /// </summary>
    /// <remarks>
    /// Each channel has its own ring of <see cref="WindowLength"/> slots, kept twice over (slot <c>i</c> and
    /// <c>i + WindowLength</c>), so any run of recent levels is contiguous. The newest state goes into the slot at
    /// the head, which no committed window reads: if the step fails, nothing committed is lost.
    /// </remarks>
    public StateWindow RecentStates(AgentState s, ReadOnlySpan<double> newest)
    {
        // The slot at the head belongs to no committed window, but it is part of the agent's document: keep what it
        // held, so a step that fails can put it back (Abandon) and leave the agent exactly as it was.
        var window = _window.Get(s)!;
        int head = (int)_windowHead.Of(s);
        var displaced = _displaced.Of(s);
        for (int c = 0; c < displaced.Length; c++)
        {
            displaced[c] = window[(c * 2 * WindowLength) + head];
        }

        _displacing.Of(s) = 1;
        Write(s, newest);
        int kept = (int)Math.Min(_windowCount.Of(s), WindowLength - 1);
        return new StateWindow(_window.Get(s), _profile.Count, 2 * WindowLength, (int)_windowHead.Of(s) + WindowLength - kept, kept + 1);
    }

    private void Write(AgentState s, ReadOnlySpan<double> row)
    {
        var window = _window.Get(s)!;
        int head = (int)_windowHead.Of(s);
        for (int c = 0; c < row.Length; c++)
        {
            int ring = c * 2 * WindowLength;
            window[ring + head] = row[c];
            window[ring + head + WindowLength] = row[c];
        }
    }
}

/// <summary>What <see cref="MetricsLayer.Measure"/> found in one experience.</summary>
internal struct Measurement
{
    public double Phi;
    public PredictionOutcome Outcome;
    public bool Spike;
    public Drive[] Drives;

    /// <summary>The needs whose desire arose, as bits by <see cref="Need"/>.</summary>
    public int DesiresArisen;
}
