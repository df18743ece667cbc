using Anima.Chat;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// The people an agent knows (<see cref="AnimaCore.People"/>): how it stands with each, its history with each, and what
/// it remembers of them. People become known by speaking to the agent, through
/// <see cref="PersonChatExtensions.ChatAsync(AnimaCore, Person, string, ChatOptions, CancellationToken)"/>.
/// </summary>
/// <remarks>Thread-safe. Relationships and histories are saved and loaded with the agent and carried by <see cref="AnimaCore.ExportState()"/>.</remarks>
public sealed class AnimaPeople
{
    private readonly Conversation _conversation;
    private readonly Lock _gate;
    private readonly TimeProvider _time;
    private readonly IEmotionalMemory _memory;

    internal AnimaPeople(Conversation conversation, Lock gate, TimeProvider time, IEmotionalMemory memory)
    {
        _conversation = conversation;
        _gate = gate;
        _time = time;
        _memory = memory;
    }

    /// <summary>Gets how many people the agent knows.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _conversation.People.Count;
            }
        }
    }

    /// <summary>Returns how the agent stands with a person now, the silence since they last spoke included.</summary>
    /// <param name="personId">The person's id.</param>
    /// <returns>The relationship, or <see langword="null"/> when the person has never spoken to the agent.</returns>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null, empty or white space.</exception>
    public Relationship? Get(string personId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        lock (_gate)
        {
            return _conversation.People.Get(personId, _time.GetUtcNow());
        }
    }

    /// <summary>Returns every relationship as it stands now, the person spoken with most recently first.</summary>
    /// <returns>The relationships; empty when nobody has spoken to the agent by name.</returns>
    public IReadOnlyList<Relationship> GetAll()
    {
        lock (_gate)
        {
            return _conversation.People.All(_time.GetUtcNow());
        }
    }

    /// <summary>Returns a copy of the agent's history with a person: whole turns, oldest first, within <see cref="AnimaOptions.HistoryTokenBudget"/>.</summary>
    /// <param name="personId">The person's id.</param>
    /// <returns>The history; empty when they have not spoken.</returns>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null, empty or white space.</exception>
    public IReadOnlyList<ChatMessage> GetHistory(string personId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        return _conversation.HistoryOf(personId);
    }

    /// <summary>Returns what the agent remembers of a person: the turns with them it kept, and its beliefs about them, oldest first.</summary>
    /// <param name="personId">The person's id.</param>
    /// <returns>The memories.</returns>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null, empty or white space.</exception>
    public IReadOnlyList<EmotionalMemory> GetMemories(string personId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        return [.. _memory.GetAll().Where(m => string.Equals(m.PersonId, personId, StringComparison.Ordinal))];
    }

    /// <summary>Forgets a person: the relationship and the history with them. What the agent remembers of them stays part of its life.</summary>
    /// <param name="personId">The person's id.</param>
    /// <returns><see langword="true"/> if the agent knew them.</returns>
    /// <exception cref="ArgumentException"><paramref name="personId"/> is null, empty or white space.</exception>
    public bool Forget(string personId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        return _conversation.Forget(personId);
    }
}
