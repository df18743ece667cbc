namespace Anima.Orleans;

/// <summary>
/// What grain storage keeps of one agent: its whole state as the UTF-8 JSON document of <see cref="AnimaCore.ExportState()"/>
/// (memories, people, conversation and journal included). Any Orleans storage provider can keep it.
/// </summary>
[GenerateSerializer, Alias("Anima.Orleans.AnimaGrainState")]
public sealed class AnimaGrainState
{
    /// <summary>Gets or sets the agent's document, or <see langword="null"/> when the agent has never been saved (or an Anima store keeps it instead).</summary>
    [Id(0)]
    public byte[]? Document { get; set; }

    /// <summary>The live agent, when an Anima store's grain storage loaded it: that storage saves the agent itself and needs no document. Never serialised.</summary>
    [NonSerialized]
    internal AnimaCore? Agent;
}
