using System.Text.Json;

namespace Anima.StateModel;

/// <summary>
/// A named section of the agent document: the part of the state one component owns, written and read by that
/// component alone, so a new layer with state adds a section without touching any other.
/// </summary>
internal interface IStateSection
{
    /// <summary>Gets the section's name in the document.</summary>
    string Name { get; }

    /// <summary>Writes the section's members (the enclosing object is written by the caller).</summary>
    /// <param name="state">The state to write, captured under the agent's lock.</param>
    /// <param name="writer">Where the members go.</param>
    void Write(AgentState state, Utf8JsonWriter writer);

    /// <summary>Checks the section and fills <paramref name="state"/>, a fresh state of the agent's layout.</summary>
    /// <param name="section">The section's members.</param>
    /// <param name="state">Where the values go; nothing the agent uses yet.</param>
    /// <exception cref="InvalidDataException">A member is missing, of the wrong kind or out of range; the message names it.</exception>
    void Read(SectionReader section, AgentState state);
}
