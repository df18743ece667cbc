using System.Text.Json;
using Anima.Numerics;
using Anima.StateModel;

namespace Anima.Stimuli;

/// <summary>
/// Appraisal and attention: what an experience amounts to on the four appraisal dimensions (the explicit stimulus,
/// what the message carried, the speaker's feeling taken on, the distress of a refused request), and how much it
/// catches the agent's attention — salience from its intensity, its novelty against the running trend of
/// experience, and its relevance to the current goal.
/// </summary>
internal sealed class AttentionLayer : IStateSection
{
    /// <summary>How much of what a message carries is felt, beside the explicit stimulus.</summary>
    public const double MessageWeight = 0.6;

    /// <summary>How much of the speaker's feeling an agent of full resonance takes on, at full confidence.</summary>
    private const double Contagion = 0.3;

    /// <summary>What refusing a request adds to tension.</summary>
    private const double RefusalTension = 0.25;

    /// <summary>What refusing a request takes from cohesion.</summary>
    private const double RefusalCohesion = 0.15;

    /// <summary>How fast the trend of experience follows: a fifth of the way each experience.</summary>
    private const double TrendRate = 0.2;

    /// <summary>How much of the speaker's distress becomes tension, against their feeling's full weight on satisfaction.</summary>
    private const double DistressShare = 0.5;

    /// <summary>Salience's weights: intensity, novelty and relevance to the goal (SPEC.md F6), summing to one.</summary>
    private const double IntensityWeight = 0.5, NoveltyWeight = 0.3, RelevanceWeight = 0.2;

    /// <summary>How novel experience seems to a mind of no surprise sensitivity; sensitivity adds as much again.</summary>
    private const double BaseNovelty = 0.5;

    private readonly IStimulusAppraiser _appraiser;
    private readonly NumberRange _trend;

    public AttentionLayer(StateLayout layout, IStimulusAppraiser appraiser)
    {
        _appraiser = appraiser;
        _trend = layout.Numbers(4);
    }

    /// <inheritdoc />
    public string Name => "attention";

    /// <summary>What a message carries, by the agent's <see cref="IStimulusAppraiser"/>; nothing for no message.</summary>
    public Appraisal Appraise(string? message) => string.IsNullOrEmpty(message) ? Appraisal.Empty : _appraiser.Appraise(message);

    /// <summary>Gets the name of the appraiser's type, for a message that refuses what it heard.</summary>
    public string AppraiserName => _appraiser.GetType().Name;

    /// <summary>Nothing seen yet.</summary>
    public void Reset(AgentState s) => _trend.Of(s).Clear();

    /// <summary>Appraises one experience and weighs its salience.</summary>
    /// <param name="s">The state.</param>
    /// <param name="stimulus">The explicit stimulus.</param>
    /// <param name="appraisal">What the message carried.</param>
    /// <param name="resonance">How strongly the speaker's feeling resonates, in [0, 1].</param>
    /// <param name="refused">Whether the agent refuses what it is asked.</param>
    /// <param name="sensitivity">The agent's sensitivity to surprise (openness by default), which sharpens novelty.</param>
    /// <param name="focus">The appraisal dimension the current goal is about, or −1 for no goal.</param>
    public Perception Perceive(AgentState s, in Stimulus stimulus, in Appraisal appraisal, double resonance, bool refused, double sensitivity, int focus)
    {
        var p = default(Perception);
        var speaker = appraisal.Speaker;
        double contagion = resonance * speaker.Confidence * Contagion;
        var heard = appraisal.Stimulus;
        Span<double> dims = p.Dims;
        dims[0] = stimulus.Tension + (MessageWeight * heard.Tension) + (contagion * Math.Max(0, -speaker.Valence) * DistressShare);
        dims[1] = stimulus.Arousal + (MessageWeight * heard.Arousal) + (contagion * speaker.Arousal);
        dims[2] = stimulus.Satisfaction + (MessageWeight * heard.Satisfaction) + (contagion * speaker.Valence);
        dims[3] = stimulus.Cohesion + (MessageWeight * heard.Cohesion);
        if (refused)
        {
            dims[0] += RefusalTension;
            dims[3] -= RefusalCohesion;
        }

        // Salience from intensity, novelty and relevance to the current goal. The appraisal has four dimensions:
        // plain arithmetic beats any vectorised call on spans this short.
        var trend = _trend.Of(s);
        double norm2 = 0, distance2 = 0;
        for (int j = 0; j < 4; j++)
        {
            dims[j] = Math.Clamp(dims[j], -1, 1);
            norm2 += dims[j] * dims[j];
            double away = dims[j] - trend[j];
            distance2 += away * away;
        }

        double direct = Math.Sqrt(SquaredChannels(stimulus) + SquaredChannels(appraisal.Stimulus));
        double intensity = Math.Min(1, Math.Sqrt(norm2) + direct);
        p.Novelty = Math.Min(1, Math.Sqrt(distance2) * (BaseNovelty + (BaseNovelty * sensitivity)));
        double relevance = focus >= 0 ? Math.Abs(dims[focus]) : 0;
        p.Salience = Math.Clamp((IntensityWeight * intensity) + (NoveltyWeight * p.Novelty) + (RelevanceWeight * relevance), 0, 1);
        for (int j = 0; j < 4; j++)
        {
            trend[j] += TrendRate * (dims[j] - trend[j]);
        }

        return p;
    }

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer) => writer.WriteNumbers("stimulusTrend", _trend.Of(s));

    /// <inheritdoc />
    public void Read(SectionReader section, AgentState s) => section.Numbers("stimulusTrend", _trend.Of(s), -1, 1);

    private static double SquaredChannels(in Stimulus stimulus)
    {
        double sum = 0;
        foreach (var pair in stimulus.RawChannels.IsDefault ? [] : stimulus.RawChannels)
        {
            sum += pair.Value * pair.Value;
        }

        return sum;
    }
}

/// <summary>What <see cref="AttentionLayer.Perceive"/> found: the appraisal on four dimensions, its novelty and salience.</summary>
internal struct Perception
{
    public FourNumbers Dims;
    public double Novelty;
    public double Salience;
}
