using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Anima.Evaluation;

/// <summary>
/// Asks a judge model (the <see cref="ChatConfiguration"/>'s client: any <see cref="IChatClient"/>) whether a reply
/// expresses the inner state it was written from (an <see cref="AnimaStateContext"/> in <c>additionalContext</c>). The
/// judge reads the state in words, never numbers, and answers with structured output: a score from 1 (contradicts it)
/// to 5 (expresses it naturally) and a reason, reported as <see cref="ExpressedStateMetricName"/>.
/// </summary>
public sealed class InnerStateJudgeEvaluator : IEvaluator
{
    /// <summary>The name of the judge's metric.</summary>
    public const string ExpressedStateMetricName = "Expressed State";

    private const string Instructions =
        "You judge replies in a conversation. You are told how the speaker feels inside and what it replied. Judge only "
        + "whether the reply expresses that inner state the way a person would: in tone, in what it cares about, in what it "
        + "wants, without naming numbers or internal measures. Score 1 if the reply contradicts the state, 2 if it ignores "
        + "it, 3 if it hints at it, 4 if it clearly carries it, 5 if it expresses it naturally and fully. Answer in JSON with "
        + "\"score\" (1 to 5) and \"reason\" (one sentence).";

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [ExpressedStateMetricName];

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        var metric = new NumericMetric(ExpressedStateMetricName);
        var result = new EvaluationResult(metric);
        var context = additionalContext?.OfType<AnimaStateContext>().LastOrDefault();
        if (chatConfiguration is null)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error($"{ExpressedStateMetricName} needs a judge: pass a {nameof(ChatConfiguration)} with the chat client to ask."));
            return result;
        }

        if (context is null)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error($"{ExpressedStateMetricName} needs the state the reply was written from: pass an {nameof(AnimaStateContext)} in additionalContext."));
            return result;
        }

        var prompt = new StringBuilder()
            .Append("How the speaker feels inside: ").Append(AnimaStateContext.Describe(context.State)).Append("\n\n");
        if (messages.LastOrDefault(m => m.Role == ChatRole.User) is { } heard)
        {
            prompt.Append("What it was told: ").Append(heard.Text).Append("\n\n");
        }

        prompt.Append("Its reply: ").Append(modelResponse.Text);
        ChatResponse<JudgeVerdict> response;
        try
        {
            response = await chatConfiguration.ChatClient.GetResponseAsync<JudgeVerdict>(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, prompt.ToString())],
                JudgeJson.Default.Options,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error($"The judge could not be asked: {exception.Message}"));
            return result;
        }

        if (!response.TryGetResult(out var verdict) || verdict is null || verdict.Score is < 1 or > 5)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error($"The judge's answer is not a score from 1 to 5 with a reason: {Shorten(response.Text)}"));
            return result;
        }

        metric.Value = verdict.Score;
        metric.Reason = verdict.Reason;
        var rating = verdict.Score switch
        {
            >= 4.5 => EvaluationRating.Exceptional,
            >= 3.5 => EvaluationRating.Good,
            >= 2.5 => EvaluationRating.Average,
            >= 1.5 => EvaluationRating.Poor,
            _ => EvaluationRating.Unacceptable,
        };
        metric.Interpretation = new EvaluationMetricInterpretation(rating, failed: verdict.Score < 2.5, verdict.Reason);
        metric.AddOrUpdateChatMetadata(response);
        return result;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 200)}…");
}

/// <summary>The judge's structured answer.</summary>
/// <param name="Score">From 1 (contradicts the state) to 5 (expresses it naturally).</param>
/// <param name="Reason">One sentence.</param>
internal sealed record JudgeVerdict(double Score, string? Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JudgeVerdict))]
internal sealed partial class JudgeJson : JsonSerializerContext;
