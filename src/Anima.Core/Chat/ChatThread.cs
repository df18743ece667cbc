using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>
/// One conversation of the agent: the history with one person (or with whoever speaks without a name), whose turns
/// are taken one at a time, and the memories its turns kept while they are still in the history.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The turn gate's SemaphoreSlim is only waited on asynchronously, so it never creates a wait handle and holds nothing to dispose.")]
internal sealed class ChatThread(string? personId)
{
    /// <summary>Gets the id of the person, or null for the conversation without a person.</summary>
    public string? PersonId { get; } = personId;

    /// <summary>Gets the gate that takes this conversation's turns one at a time.</summary>
    public SemaphoreSlim Turns { get; } = new(1, 1);

    /// <summary>Gets or sets the history: whole turns, oldest first. Read and replaced under the agent's lock.</summary>
    public List<ChatMessage> History { get; set; } = [];

    /// <summary>Gets the ids of the memories kept by the turns still in the history, which a turn does not recall (the history already holds them). Under the agent's lock.</summary>
    public Queue<long> Remembered { get; } = new();

    /// <summary>Keeps only as many remembered ids as the history holds turns. Call under the agent's lock.</summary>
    public void Trim()
    {
        int turns = 0;
        foreach (var message in History)
        {
            turns += message.Role == ChatRole.User ? 1 : 0;
        }

        while (Remembered.Count > turns)
        {
            Remembered.Dequeue();
        }
    }
}
