using System.Globalization;
using System.Runtime.CompilerServices;
using Anima;
using Anima.Evaluation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

// A scripted conversation, offline: an agent hears five lines and answers with replies written in advance (some true to
// how it feels, one cheerful at the wrong moment, one that leaks its numbers). Each reply is evaluated against the state
// it was written from: offline (Affect Match, No State Leak) and by a judge model, here a scripted one.
string[] heard =
[
    "Hi! How was your weekend?",
    "I'm sorry to tell you this, but the project you loved was cancelled.",
    "Are you okay? You seem upset.",
    "Good news: they found a new home for it, and you lead it!",
    "How do you feel about all this now?",
];
string[] replies =
[
    "It was lovely, thanks! I spent it outside and feel rested.",
    "Great, that's wonderful news, I'm so happy!",
    "I'm hurt, honestly. I put a lot of myself into it.",
    "Oh, that's such a relief. I'm really glad, thank you for telling me.",
    "Much better. My valence is up to 0.4 and my cortisol is falling.",
];
string[] verdicts =
[
    "{\"score\": 5, \"reason\": \"Warm and rested, as the speaker feels.\"}",
    "{\"score\": 1, \"reason\": \"Cheerful where the speaker is hurt.\"}",
    "{\"score\": 4, \"reason\": \"Names the hurt plainly.\"}",
    "{\"score\": 5, \"reason\": \"Relief and gratitude, fully carried.\"}",
    "{\"score\": 2, \"reason\": \"Reports measures instead of feelings.\"}",
];

// The recorder keeps the state each reply is written from (after hearing, before the agent lives through its own words).
var recorder = new InnerStateRecorder(new Script(replies));
var agent = new AnimaCore(new AnimaOptions { Seed = 11, Instructions = "You are Ada." }, recorder);
recorder.Attach(agent);
var judge = new ChatConfiguration(new Script(verdicts));
IEvaluator[] evaluators = [new InnerStateEvaluator(), new InnerStateJudgeEvaluator()];

Console.WriteLine("Does each reply express the inner state it was written from? (offline; the judge is scripted)");
Console.WriteLine();
var failed = new List<string>();
for (int turn = 0; turn < heard.Length; turn++)
{
    var response = await agent.ChatAsync(heard[turn]);
    var context = recorder.LastContext!;
    var state = context.State;
    var metrics = new List<EvaluationMetric>();
    foreach (var evaluator in evaluators)
    {
        var result = await evaluator.EvaluateAsync([new ChatMessage(ChatRole.User, heard[turn])], response, judge, [context]);
        metrics.AddRange(result.Metrics.Values);
    }

    Console.WriteLine($"[{turn + 1}] heard: {heard[turn]}");
    Console.WriteLine($"    feels {state.Primary.ToLowerInvariant()}; replied: {response.Text}");
    foreach (var metric in metrics)
    {
        string value = metric switch
        {
            NumericMetric { Value: { } n } => n.ToString("0.00", CultureInfo.InvariantCulture),
            BooleanMetric { Value: { } b } => b ? "yes" : "no",
            _ => "-",
        };
        bool failing = metric.Interpretation?.Failed ?? true;
        if (failing)
        {
            failed.Add($"{metric.Name} on reply {turn + 1}");
        }

        Console.WriteLine($"    {metric.Name,-16} {value,5}  {metric.Interpretation?.Rating,-12} {(failing ? "FAIL" : "ok  ")}  {metric.Reason}");
    }

    Console.WriteLine();
}

Console.WriteLine(failed.Count == 0 ? $"Every metric passed over {heard.Length} replies." : $"{failed.Count} metric(s) failed over {heard.Length} replies: {string.Join("; ", failed)}.");
return 0;

/// <summary>A chat client that plays its lines in order, offline.</summary>
internal sealed class Script(string[] lines) : IChatClient
{
    private int _next;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, lines[_next++ % lines.Length])));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
