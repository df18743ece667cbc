using Anima.Diagnostics;
using Anima.Narration;
using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>Speaking first (F19): a turn the agent opens, moved by its strongest desire.</summary>
internal sealed partial class Conversation
{
    /// <summary>What the request of an initiative says in the user's place, since many providers need a user turn to answer.</summary>
    public const string SilenceCue = "(Silence. Nobody has said anything for a while.)";

    /// <summary>Lets the agent speak first; the reply joins the history and is experienced, the silence cue is not kept.</summary>
    /// <param name="person">Whom the agent speaks to (their history and how it stands with them), or null for the conversation without a person.</param>
    /// <param name="options">Options for the request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ChatResponse> InitiateAsync(Person? person, ChatOptions? options, CancellationToken cancellationToken)
    {
        var client = _agent.ChatClient ?? throw NoChatClient();
        var thread = Thread(person);
        await thread.Turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        var activity = Telemetry.InvokeAgent(_name, "initiate");
        try
        {
            List<ChatMessage> request;
            StatePromptContext? context = null;
            lock (_gate)
            {
                request = [.. thread.History.Select(MessageDefuser.Defuse)];
                if (person is not null && People.Get(person.Id, _time.GetUtcNow()) is { } known)
                {
                    var now = _time.GetUtcNow();
                    context = new StatePromptContext { Relationship = known, SinceLastSpoke = now > known.LastSpoke ? now - known.LastSpoke : TimeSpan.Zero, RecollectionTokenBudget = _recollectionBudget };
                }
            }

            request.Add(new ChatMessage(ChatRole.User, SilenceCue));
            var prepared = PrepareOptions(options, context);
            prepared.Instructions = string.Concat(prepared.Instructions, "\n\n", Opening(_agent.State));
            OwnTurn.Value = _agent;
            var response = await client.GetResponseAsync(request, prepared, cancellationToken).ConfigureAwait(false);
            await EndTurnAsync(thread, null, response, Telemetry.Initiatives, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (TurnFailed(exception, activity))
        {
            throw; // never reached: the filter logs and declines
        }
        finally
        {
            activity?.Dispose();
            thread.Turns.Release();
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
