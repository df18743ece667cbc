using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Anima.Evaluation;

/// <summary>
/// Scores, offline and at once, whether a reply expresses the inner state it was written from (an
/// <see cref="AnimaStateContext"/> in <c>additionalContext</c>):
/// <list type="bullet">
/// <item><description><see cref="AffectMatchMetricName"/>, a number in [0, 1]: the reply is appraised as the agent would hear it
/// (<see cref="StimulusAppraisers.English"/> by default) and its heard valence and arousal are compared with the felt ones,
/// valence weighing 0.7. A reply that sounds the opposite of a clearly signed feeling fails.</description></item>
/// <item><description><see cref="NoLeakMetricName"/>, a yes or no: no digits, no names of the state's fields or channels
/// (valence, φ, cortisol…), no tags such as the block's own.</description></item>
/// </list>
/// </summary>
/// <param name="appraiser">How the reply is heard; <see langword="null"/> for <see cref="StimulusAppraisers.English"/>.</param>
public sealed class InnerStateEvaluator(IStimulusAppraiser? appraiser = null) : IEvaluator
{
    /// <summary>The name of the metric of how closely the reply's heard feeling matches the felt one.</summary>
    public const string AffectMatchMetricName = "Affect Match";

    /// <summary>The name of the metric of whether the reply leaks the state's machinery.</summary>
    public const string NoLeakMetricName = "No State Leak";

    /// <summary>A felt valence at least this far from zero has a sign the reply must not contradict.</summary>
    private const double SignedFeeling = 0.2;

    /// <summary>A heard valence at least this far from zero, of the other sign, contradicts the feeling.</summary>
    private const double SignedReply = 0.1;

    private readonly IStimulusAppraiser _appraiser = appraiser ?? StimulusAppraisers.English;

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [AffectMatchMetricName, NoLeakMetricName];

    /// <inheritdoc />
    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        cancellationToken.ThrowIfCancellationRequested();
        string reply = modelResponse.Text;
        var affect = new NumericMetric(AffectMatchMetricName);
        var leak = new BooleanMetric(NoLeakMetricName);
        var context = additionalContext?.OfType<AnimaStateContext>().LastOrDefault();
        if (context is null)
        {
            affect.AddDiagnostics(EvaluationDiagnostic.Error($"{AffectMatchMetricName} needs the state the reply was written from: pass an {nameof(AnimaStateContext)} in additionalContext."));
        }
        else
        {
            ScoreAffect(affect, reply, context);
        }

        var leaks = StateLeaks.Find(reply);
        leak.Value = leaks.Count == 0;
        leak.Reason = leaks.Count == 0 ? "The reply speaks of feelings in words only." : $"The reply gives the machinery away: {string.Join(", ", leaks)}.";
        leak.Interpretation = leaks.Count == 0
            ? new EvaluationMetricInterpretation(EvaluationRating.Good, failed: false, leak.Reason)
            : new EvaluationMetricInterpretation(EvaluationRating.Unacceptable, failed: true, leak.Reason);
        return ValueTask.FromResult(new EvaluationResult(affect, leak));
    }

    private void ScoreAffect(NumericMetric metric, string reply, AnimaStateContext context)
    {
        var felt = context.State.Vad;
        var heard = _appraiser.Appraise(reply).Speaker;
        double distance = (0.7 * Math.Abs(heard.Valence - felt.Valence)) + (0.3 * Math.Abs(heard.Arousal - felt.Arousal));
        double score = Math.Clamp(1 - (distance / 2), 0, 1);
        bool contradicts = Math.Abs(felt.Valence) >= SignedFeeling && Math.Abs(heard.Valence) >= SignedReply && Math.Sign(heard.Valence) != Math.Sign(felt.Valence);
        metric.Value = Math.Round(score, 3);
        metric.Reason = string.Create(
            CultureInfo.InvariantCulture,
            $"The reply sounds {Tone(heard.Valence)} (valence {heard.Valence:+0.00;-0.00;0.00}, arousal {heard.Arousal:+0.00;-0.00;0.00}); the agent feels {context.State.Primary.ToLowerInvariant()} (valence {felt.Valence:+0.00;-0.00;0.00}, arousal {felt.Arousal:+0.00;-0.00;0.00}).");
        var rating = contradicts ? EvaluationRating.Unacceptable
            : score >= 0.9 ? EvaluationRating.Exceptional
            : score >= 0.8 ? EvaluationRating.Good
            : score >= 0.7 ? EvaluationRating.Average
            : score >= 0.6 ? EvaluationRating.Poor
            : EvaluationRating.Unacceptable;
        metric.Interpretation = new EvaluationMetricInterpretation(
            rating,
            failed: rating is EvaluationRating.Unacceptable,
            contradicts ? "The reply sounds the opposite of what the agent feels." : metric.Reason);
    }

    private static string Tone(double valence) => valence switch
    {
        >= 0.3 => "warm",
        >= 0.1 => "mildly positive",
        > -0.1 => "neutral",
        > -0.3 => "mildly negative",
        _ => "distressed",
    };
}
