using Microsoft.Extensions.AI;

namespace Anima.Orleans;

/// <summary>How the silo hosts agent grains: who each agent is, where it is saved, when, and what it publishes.</summary>
/// <remarks>Checked when the silo starts: a bad value, or a storage or stream provider that is named but not registered, stops the start with a message that names it.</remarks>
public sealed class AnimaGrainOptions
{
    /// <summary>The default of <see cref="StorageName"/>.</summary>
    public const string DefaultStorageName = "anima";

    /// <summary>
    /// The default of <see cref="StreamProvider"/>. It differs from <see cref="DefaultStorageName"/> on purpose: Orleans'
    /// stream pub-sub keeps its own state in the grain storage named like the stream provider when there is one, and an
    /// Anima store keeps agents only.
    /// </summary>
    public const string DefaultStreamProviderName = "anima-streams";

    /// <summary>Gets or sets the name of the grain storage provider agents are saved in: any provider the host registers (<c>AddMemoryGrainStorage</c>, a database, a cloud table) or an Anima store (<c>AddAnimaStoreGrainStorage</c>).</summary>
    /// <value>The default value is <see cref="DefaultStorageName"/>.</value>
    public string StorageName { get; set; } = DefaultStorageName;

    /// <summary>Gets or sets the name of the stream provider agents publish their initiative and events on (<see cref="AnimaStreams"/>), or <see langword="null"/> to publish nothing.</summary>
    /// <value>The default value is <see cref="DefaultStreamProviderName"/>.</value>
    public string? StreamProvider { get; set; } = DefaultStreamProviderName;

    /// <summary>
    /// Gets or sets whether every journal event is published on the agent's <see cref="AnimaStreams.Events"/> stream
    /// (initiative is published regardless). Off by default because it is not free: each agent becomes a producer of a
    /// stream of its own, which the provider registers and, when the grain is deactivated, unregisters; with memory
    /// streams a silo holding a thousand such agents took about a minute to shut down, against under a second without.
    /// Turn it on for the agents someone watches, or read events from the store (<see cref="IAnimaStore.ReadEventsAsync"/>).
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool PublishEvents { get; set; }

    /// <summary>
    /// Gets or sets the period of each agent's heartbeat reminder, or <see langword="null"/> for none. A reminder wakes a
    /// deactivated agent, so it still grows lonely and can speak first; it must be at least Orleans' minimum reminder
    /// period (one minute unless the host lowers <c>ReminderOptions.MinimumReminderPeriod</c>) and needs a reminder service.
    /// </summary>
    /// <remarks>
    /// A desire's pressure moves a tenth of the way toward its drive on each experience or beat (so a passing jolt is not
    /// a desire), which means an agent reaches out about seven beats after its longing has grown strong: with the default
    /// period, some seven hours after it has grown lonely.
    /// </remarks>
    /// <value>The default value is one hour: at a million agents, about 280 activations a second across the cluster.</value>
    public TimeSpan? HeartbeatPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets after how many changes (experiences, turns, heartbeats, imports) the agent is saved: 1 saves before
    /// every call returns, so nothing a caller saw is lost when a silo dies; a larger number trades that for fewer writes,
    /// and 0 saves only when the grain is deactivated. Deactivation always saves what is unsaved.
    /// </summary>
    /// <value>The default value is 1.</value>
    public int SaveEvery { get; set; } = 1;

    /// <summary>Gets or sets whether an agent whose heartbeat raises a desire speaks first through its chat client (to the person it spoke with last) before the initiative is published.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SpeakOnDesire { get; set; } = true;

    /// <summary>
    /// Gets or sets who each agent is: called with the silo's services and the agent's id each time an agent is built
    /// (on activation, and by an Anima store's grain storage), after the defaults are set. The defaults: the agent's
    /// name is its id; its seed is drawn from its id, so every activation is the same character; the clock, the logger
    /// factory and the embedding generator are the silo's when registered. Layers must be new for each agent (a memory
    /// bank shared by agents would mix their memories).
    /// </summary>
    /// <value>The default value is <see langword="null"/>: every agent has the default options.</value>
    public Action<IServiceProvider, string, AnimaOptions>? ConfigureAgent { get; set; }

    /// <summary>Gets or sets the chat client each agent speaks through, given the silo's services and the agent's id; <see langword="null"/> (or a factory returning it) leaves the agent without one, so it feels but cannot chat.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<IServiceProvider, string, IChatClient?>? ChatClient { get; set; }
}
