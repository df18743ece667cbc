using System.Text.Json;
using System.Text.Json.Serialization;

namespace Anima.Persistence;

/// <summary>
/// One agent's whole state as a versioned JSON document: everything the next experience depends on, so an agent
/// exported and imported continues exactly as the original would have. Arrays are copies; vectors are
/// [valence, arousal, dominance]; traits and values are in enum order.
/// </summary>
internal sealed record AgentDocument(
    string Format,
    int Version,
    string Profile,
    int Channels,
    int Emotions,
    int Seed,
    double[] Configured,
    double[] Values,
    long Count,
    DateTimeOffset LastTime,
    ulong Random,
    double[] Levels,
    double[] Felt,
    double[] SlowLevels,
    double[] Prediction,
    double[] History,
    int HistoryCount,
    int HistoryHead,
    double[] MapOffsets,
    double SurpriseMean,
    double SurpriseVariance,
    double[] Past,
    double[] Recent,
    double[] LastVad,
    double Volatility,
    double Frustration,
    int LowCoherenceRun,
    bool Crisis,
    IntentionDocument? Intention,
    double[] StimulusTrend,
    double[] Growth,
    double[] GrowthBasis,
    double[] Personality,
    double[] Soul,
    SnapshotDocument Snapshot,
    JsonElement Conversation,
    string[] SeenToolResults,
    MemoryDocument[]? Memories = null,
    long EventSequence = 0,
    double[]? SoulLearning = null,
    DateTimeOffset? LastContact = null,
    int DesiresFelt = 0,
    double[]? DesirePressure = null)
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "anima-agent";

    /// <summary>The version this library writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>
/// A memory as stored: the embedding as the little-endian bytes of its floats (base64 in JSON), so it round-trips
/// exactly; the feeling as [valence, arousal, dominance].
/// </summary>
internal sealed record MemoryDocument(long Id, string Text, DateTimeOffset Timestamp, string Emotion, double[] Feeling, double[] Levels, double Importance, byte[] Embedding);

/// <summary>An intention as stored.</summary>
internal sealed record IntentionDocument(Goal Goal, IntentionSource Source, double Strength, Need? Need, int Persistence);

/// <summary>The last snapshot (<see cref="AnimaState"/>) as stored, so <see cref="AnimaCore.State"/> survives too.</summary>
internal sealed record SnapshotDocument(
    long ExperienceCount,
    DateTimeOffset Timestamp,
    double[] Reactors,
    double[] Vad,
    string Primary,
    string Expressed,
    BlendDocument[] Blend,
    double Intensity,
    double Phi,
    double PredictionError,
    double Surprise,
    double FreeEnergy,
    bool SurpriseSpike,
    DriveDocument[] Drives,
    string Surface,
    string? Subtext,
    ArchivalTheme Archival,
    double SelfStability,
    double[] SelfCharacter,
    double[] SelfPersonality,
    ArchivalTheme SelfTheme,
    int SelfVariant,
    IntentionDocument? Intention,
    VetoDocument? Veto,
    RequestVerdict RequestVerdict,
    CoreValue? RequestValue,
    RequestConcerns RequestConcerns,
    double Dissonance,
    EgoDefense? Defense,
    double[] TemporalPast,
    double[] TemporalPresent,
    double[] TemporalFuture,
    double Coherence,
    bool InCrisis,
    double[] Speaker,
    string? Perceived,
    double Resonance,
    double Salience,
    double Frustration,
    int NarrativeVariant);

/// <summary>One emotion of a blend as stored.</summary>
internal sealed record BlendDocument(string Emotion, double Weight);

/// <summary>A drive as stored.</summary>
internal sealed record DriveDocument(string Channel, DriveDirection Direction, double Strength, Need Need);

/// <summary>A veto decision as stored.</summary>
internal sealed record VetoDocument(VetoVerdict Verdict, CoreValue? Value, Goal Original, Goal? Replacement);

/// <summary>Source-generated JSON for agent documents: no reflection, exact doubles, enums by name, every member required.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 64)]
[JsonSerializable(typeof(AgentDocument))]
internal sealed partial class AgentDocumentJsonContext : JsonSerializerContext;
