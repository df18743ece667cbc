using Anima.Memory;
using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>The turns of the conversation: with whom, what the message brings back, and what the turn leaves in memory.</summary>
internal sealed partial class Conversation
{
    /// <summary>The conversation with a person (made when they first speak), or the one without a person.</summary>
    private ChatThread Thread(Person? person) => person is null ? _default : Thread(person.Id);

    private ChatThread Thread(string personId)
    {
        lock (_gate)
        {
            if (!_threads.TryGetValue(personId, out var thread))
            {
                thread = new ChatThread(personId);
                _threads.Add(personId, thread);
            }

            return thread;
        }
    }

    /// <summary>Hears a turn's message, lets it move the relationship, recalls what it brings back, and prepares the request.</summary>
    private async Task<Turn> BeginTurnAsync(ChatThread thread, Person? person, string message, Stimulus stimulus, ChatOptions? options, CancellationToken cancellationToken)
    {
        Heard(message);
        var heard = _agent.ExperienceUserMessage(stimulus, message);
        Relationship? relationship = null;
        TimeSpan? since = null;
        long[] exclude;
        lock (_gate)
        {
            if (person is not null)
            {
                (relationship, since) = People.Hear(person, heard.Mirror.Speaker, heard.Request.Concerns, heard.Mirror.Perceived, _time.GetUtcNow());
            }

            exclude = [.. thread.Remembered];
        }

        var recalled = await _memory.RecallForTurnAsync(message, exclude, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var recollections = new List<Recollection>(recalled.Count);
        lock (_gate)
        {
            foreach (var r in recalled)
            {
                var m = r.Memory;
                bool fromSpeaker = m.PersonId == person?.Id && (m.PersonId is not null || m.Reply is not null);
                string? named = !fromSpeaker && m.PersonId is { } of ? People.Get(of, now)?.Name : null;
                recollections.Add(new Recollection(m.Text, m.Kind == MemoryKind.Belief, fromSpeaker, named, m.Emotion, m.Feeling, now > m.Timestamp ? now - m.Timestamp : TimeSpan.Zero, r.Score));
            }
        }

        var user = new ChatMessage(ChatRole.User, StatePrompt.Neutralize(message));
        List<ChatMessage> request;
        lock (_gate)
        {
            request = new List<ChatMessage>(thread.History.Count + 1);
            foreach (var kept in thread.History)
            {
                // What the agent said and what its tools returned are replayed too: neither may touch the block.
                request.Add(MessageDefuser.Defuse(kept));
            }
        }

        request.Add(user);
        var context = new StatePromptContext { Relationship = relationship, SinceLastSpoke = since, Recollections = recollections, RecollectionTokenBudget = _recollectionBudget };
        return new Turn(request, user, PrepareOptions(options, context), heard, message, person?.Id);
    }

    /// <summary>
    /// Considers a kept turn for memory and reflects when enough has mattered since the last reflection. The turn is
    /// already in the history and its reply is the caller's: a failure or a cancellation here is logged, the turn
    /// stands, and a reflection that did not finish is still due at the next turn.
    /// </summary>
    private async Task AfterTurnAsync(ChatThread thread, Turn turn, ChatResponse response, IChatClient client, CancellationToken cancellationToken)
    {
        try
        {
            var kept = await _memory.ConsiderTurnAsync(turn.Said, response.Text, turn.PersonId, turn.Heard, CancellationToken.None).ConfigureAwait(false);
            if (kept is not null)
            {
                lock (_gate)
                {
                    thread.Remembered.Enqueue(kept.Id);
                    thread.Trim();
                }
            }

            if (_memory.ReflectionDue)
            {
                await ReflectAsync(client, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            _log.MemoryFailed(exception);
        }
    }

    /// <summary>Reflects on the moments since the last reflection, through <paramref name="client"/> when given; see <see cref="MemoryKeeping.ReflectAsync"/>.</summary>
    public Task<IReadOnlyList<EmotionalMemory>> ReflectAsync(IChatClient? client, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return _memory.ReflectAsync(client, id =>
        {
            lock (_gate)
            {
                return People.Get(id, now)?.Name;
            }
        }, cancellationToken);
    }
}

/// <summary>A turn under way: the request and its options, the message kept for the history, and the moment it was heard.</summary>
internal sealed record Turn(List<ChatMessage> Request, ChatMessage User, ChatOptions Options, AnimaState Heard, string Said, string? PersonId);
