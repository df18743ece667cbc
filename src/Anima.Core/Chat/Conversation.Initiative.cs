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
    public async Task<ChatResponse> InitiateAsync(ChatOptions? options, CancellationToken cancellationToken)
    {
        var client = _agent.ChatClient ?? throw NoChatClient();
        await _default.Turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        var activity = Telemetry.InvokeAgent(_name, "initiate");
        try
        {
            List<ChatMessage> request;
            lock (_gate)
            {
                request = [.. _default.History];
            }

            request.Add(new ChatMessage(ChatRole.User, SilenceCue));
            var prepared = PrepareOptions(options);
            prepared.Instructions = string.Concat(prepared.Instructions, "\n\n", Opening(_agent.State));
            OwnTurn.Value = _agent;
            var response = await client.GetResponseAsync(request, prepared, cancellationToken).ConfigureAwait(false);
            EndTurn(_default, null, response, Telemetry.Initiatives);
            return response;
        }
        catch (Exception exception) when (TurnFailed(exception, activity))
        {
            throw; // never reached: the filter logs and declines
        }
        finally
        {
            activity?.Dispose();
            _default.Turns.Release();
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
