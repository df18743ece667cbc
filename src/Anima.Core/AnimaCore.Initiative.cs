using Anima.Chat;
using Anima.Diagnostics;
using Anima.Narration;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>Life between conversations: a heartbeat that lets time work, and speaking first.</summary>
public sealed partial class AnimaCore
{
    /// <summary>What the request of <see cref="InitiateAsync"/> says in the user's place, since many providers need a user turn to answer.</summary>
    internal const string SilenceCue = "(Silence. Nobody has said anything for a while.)";

    /// <summary>
    /// A beat of the agent's heart: a quiet moment lived, in which time relaxes the reactors and frustration,
    /// longing for company grows with the silence, and any need that has grown strong raises a
    /// <see cref="DesireArisenEvent"/>. It counts as an experience (of nothing).
    /// </summary>
    /// <returns>The agent's state after the moment.</returns>
    /// <remarks><see cref="StartHeartbeat"/> calls this on a timer of the agent's <see cref="TimeProvider"/>.</remarks>
    public AnimaState Heartbeat() => Commit(default, Appraisal.Empty, null);

    /// <summary>
    /// Starts calling <see cref="Heartbeat"/> every <paramref name="interval"/> on a timer of the agent's
    /// <see cref="TimeProvider"/> (so a <c>FakeTimeProvider</c> drives it in tests), until the returned heartbeat is disposed.
    /// </summary>
    /// <param name="interval">The time between beats.</param>
    /// <returns>The running heartbeat.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public AnimaHeartbeat StartHeartbeat(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new AnimaHeartbeat(this, _time, interval);
    }

    /// <summary>
    /// Lets the agent speak first, unprompted, through its <see cref="ChatClient"/>: the request carries the inner
    /// state as instructions, as a turn of <see cref="ChatAsync"/> does, and an instruction to open the conversation
    /// moved by the agent's strongest desire (such as "I want to reach out to someone."). The reply joins the history
    /// and is experienced.
    /// </summary>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's response: what the agent said.</returns>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    /// <remarks>
    /// Turns are taken one at a time with <see cref="ChatAsync"/>. The request ends with a short user message that
    /// stands for the silence, because many providers cannot answer without one; it is not kept in the history.
    /// If the provider throws or the call is cancelled, the exception surfaces and nothing joins the history.
    /// </remarks>
    public async Task<ChatResponse> InitiateAsync(ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = ChatClient ?? throw new InvalidOperationException("This agent has no chat client; pass one to the AnimaCore constructor (or a chat client factory to AddAnima).");
        await _conversation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = Telemetry.Source.StartActivity("anima.initiate");
            List<ChatMessage> request;
            lock (_historyGate)
            {
                request = [.. _history];
            }

            request.Add(new ChatMessage(ChatRole.User, SilenceCue));
            var prepared = PrepareOptions(options);
            prepared.Instructions = string.Concat(prepared.Instructions, "\n\n", Opening(State));
            var response = await client.GetResponseAsync(request, prepared, cancellationToken).ConfigureAwait(false);
            ObserveMessages(response.Messages, response: true);
            ExperienceReply(response);
            lock (_historyGate)
            {
                var history = new List<ChatMessage>(_history.Count + response.Messages.Count);
                history.AddRange(_history);
                history.AddRange(response.Messages);
                _history = ChatViewport.Fit(history, _historyBudget);
            }

            Telemetry.Initiatives.Add(1);
            return response;
        }
        finally
        {
            _conversation.Release();
        }
    }

    /// <summary>The instruction that asks the agent to speak first, in its own voice and moved by its strongest desire.</summary>
    private static string Opening(AnimaState state)
    {
        string because = state.Drives.Count > 0
            ? string.Concat(" What moves me: ", Phrasebook.Desire(state.Drives[0].Need, state.Drives[0].Strength))
            : string.Empty;
        return string.Concat(
            "Nobody has spoken for a while, and I am the one who speaks first now.",
            because,
            " I open the conversation in my own words, briefly, as myself; I do not mention this note.");
    }
}
