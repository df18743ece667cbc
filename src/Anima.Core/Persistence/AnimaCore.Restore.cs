using System.Globalization;
using System.Text.Json;
using Anima.Engine;
using Anima.Identity;
using Anima.Numerics;
using Anima.Persistence;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>Checking an agent document against this agent and turning it back into state, before anything changes.</summary>
public sealed partial class AnimaCore
{
    private (List<ChatMessage> History, string[] SeenToolResults) Restore(AgentDocument d, AgentState s)
    {
        int n = _profile.Count;
        if (d.Profile != _profile.Name || d.Channels != n)
        {
            throw Refuse($"it was made by an agent of profile '{d.Profile}' with {d.Channels} channels; this agent has profile '{_profile.Name}' with {n}");
        }

        if (d.Emotions != _table.Count)
        {
            throw Refuse($"it was made with an emotion table of {d.Emotions} emotions; this agent's has {_table.Count}");
        }

        var configured = Traits(_configured);
        Exact(d.Configured, configured, "configured personality", "personality", TraitNames);
        Exact(d.Values, ValuesOf(_values), "values", "values", ValueNames);

        s.Count = NonNegative(d.Count, "count");
        s.LastTime = d.LastTime;
        s.Random = d.Random;
        Copy(d.Levels, s.Levels, "levels", 0, 1);
        Copy(d.Felt, s.Felt, "felt", 0, 1);
        Copy(d.SlowLevels, s.SlowLevels, "slowLevels", 0, 1);
        Copy(d.Prediction, s.Prediction, "prediction");
        Copy(d.History, s.History, "history", 0, 1);
        s.HistoryCount = Within(d.HistoryCount, 0, AgentState.HistoryLength, "historyCount");
        s.HistoryHead = Within(d.HistoryHead, 0, AgentState.HistoryLength - 1, "historyHead");
        Required(d.MapOffsets, "mapOffsets");
        if (d.MapOffsets.Length != 3 * _table.Count)
        {
            throw Refuse($"mapOffsets holds {d.MapOffsets.Length} numbers; {3 * _table.Count} were expected");
        }

        for (int i = 0; i < _table.Count; i++)
        {
            s.MapOffsets[i] = Point(d.MapOffsets.AsSpan(3 * i, 3), $"mapOffsets[{i}]");
        }

        s.SurpriseMean = Finite(d.SurpriseMean, "surpriseMean");
        s.SurpriseVariance = Finite(d.SurpriseVariance, "surpriseVariance", 0, double.MaxValue);
        s.Past = Point(d.Past, "past");
        s.Recent = Point(d.Recent, "recent");
        s.LastVad = Point(d.LastVad, "lastVad");
        s.Volatility = Finite(d.Volatility, "volatility", 0, double.MaxValue);
        s.Frustration = Finite(d.Frustration, "frustration", 0, 1);
        s.LowCoherenceRun = Within(d.LowCoherenceRun, 0, int.MaxValue, "lowCoherenceRun");
        s.Crisis = d.Crisis;
        s.Intention = IntentionFrom(d.Intention, "intention");
        Copy(d.StimulusTrend, s.StimulusTrend, "stimulusTrend", -1, 1);
        Copy(d.Growth, s.Growth, "growth");
        Copy(d.GrowthBasis, s.GrowthBasis, "growthBasis");
        s.Personality = PersonalityFrom(d.Personality, "personality");
        Copy(d.Soul, s.Soul, "soul");

        // Documents written before the soul learned, or before longing and desires, hold none of them.
        Copy(d.SoulLearning ?? new double[s.SoulLearning.Length], s.SoulLearning, "soulLearning");
        SoulBase(s.Personality, s.SoulBase);
        s.LastContact = d.LastContact ?? d.LastTime;
        s.DesiresFelt = d.DesiresFelt;
        Copy(d.DesirePressure ?? new double[s.DesirePressure.Length], s.DesirePressure, "desirePressure", 0, 1);
        s.Snapshot = SnapshotFrom(d.Snapshot, d.Count);

        List<ChatMessage> history;
        try
        {
            history = d.Conversation.ValueKind == JsonValueKind.Array
                ? (List<ChatMessage>?)d.Conversation.Deserialize(AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(List<ChatMessage>))) ?? []
                : throw Refuse($"conversation must be an array, not {d.Conversation.ValueKind}");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw new InvalidDataException($"The agent document is refused: its conversation is not valid ({exception.Message}).", exception);
        }

        NonNegative(d.EventSequence, "eventSequence");
        Required(d.SeenToolResults, "seenToolResults");
        if (Array.IndexOf(d.SeenToolResults, null) >= 0)
        {
            throw Refuse("seenToolResults holds a null call id");
        }

        return (history, d.SeenToolResults);
    }

    /// <summary>Checks memories (from a document or a store) against this agent before any is kept.</summary>
    private List<EmotionalMemory> RestoreMemories(IReadOnlyList<EmotionalMemory> memories)
    {
        var checkedMemories = new List<EmotionalMemory>(memories.Count);
        int dimensions = memories.Count > 0 ? memories[0].Embedding.Length : 0;
        long last = 0;
        for (int i = 0; i < memories.Count; i++)
        {
            // Field names are built only for the message of a refusal: a load checks thousands of values.
            var m = memories[i] ?? throw Refuse($"memories[{i}] is missing");
            if (m.Id <= last)
            {
                throw Refuse($"memories[{i}].id is {m.Id}; ids must rise from one");
            }

            last = m.Id;
            Text(m.Text, i, "text");
            string emotion = EmotionNamed(m.Emotion) ?? Emotion(m.Emotion, $"memories[{i}].emotion");
            if (!AllFinite(m.Feeling))
            {
                Point([m.Feeling.Valence, m.Feeling.Arousal, m.Feeling.Dominance], $"memories[{i}].feeling");
            }

            if (m.Levels is null || m.Levels.Count != _profile.Count)
            {
                throw Refuse($"memories[{i}].levels holds {m.Levels?.Count ?? 0} numbers; {_profile.Count} were expected");
            }

            var levels = new double[_profile.Count];
            for (int c = 0; c < levels.Length; c++)
            {
                levels[c] = m.Levels[c] is >= 0 and <= 1 ? m.Levels[c] : Finite(m.Levels[c], $"memories[{i}].levels[{c}]", 0, 1);
            }

            if (m.Importance is not (>= 0 and <= 1))
            {
                Finite(m.Importance, $"memories[{i}].importance", 0, 1);
            }

            if (m.Embedding.Length != dimensions)
            {
                throw Refuse($"memories[{i}].embedding has {m.Embedding.Length} dimensions; the first memory's has {dimensions}");
            }

            float norm = System.Numerics.Tensors.TensorPrimitives.Norm(m.Embedding.Span);
            if (!float.IsFinite(norm) || Math.Abs(norm - 1) > 1e-3)
            {
                throw Refuse(string.Create(CultureInfo.InvariantCulture, $"memories[{i}].embedding has length {norm}; it must be of unit length"));
            }

            checkedMemories.Add(m with { Emotion = emotion, Levels = levels });
        }

        return checkedMemories;
    }

    private AnimaState SnapshotFrom(SnapshotDocument d, long count)
    {
        Required(d, "snapshot");
        if (d.ExperienceCount != count)
        {
            throw Refuse($"snapshot.experienceCount is {d.ExperienceCount} but count is {count}");
        }

        var levels = new double[_profile.Count];
        Copy(d.Reactors, levels, "snapshot.reactors", 0, 1);
        Required(d.Blend, "snapshot.blend");
        if (d.Blend.Length is < 1 or > BlendSize)
        {
            throw Refuse($"snapshot.blend holds {d.Blend.Length} emotions; between one and {BlendSize} were expected");
        }

        var blendIndices = default(BlendIndices);
        var blendWeights = default(BlendWeights);
        for (int i = 0; i < d.Blend.Length; i++)
        {
            Required(d.Blend[i], $"snapshot.blend[{i}]");
            blendIndices[i] = EmotionIndex(d.Blend[i].Emotion, $"snapshot.blend[{i}].emotion");
            blendWeights[i] = Finite(d.Blend[i].Weight, $"snapshot.blend[{i}].weight", 0, 1);
        }

        Required(d.Drives, "snapshot.drives");
        var drives = new Drive[d.Drives.Length];
        for (int i = 0; i < drives.Length; i++)
        {
            var drive = d.Drives[i];
            Required(drive, $"snapshot.drives[{i}]");
            if (_profile.IndexOf(drive.Channel ?? string.Empty) < 0)
            {
                throw Refuse($"snapshot.drives[{i}] names channel '{drive.Channel}', which profile '{_profile.Name}' does not have");
            }

            drives[i] = new Drive(drive.Channel!, Defined(drive.Direction, $"snapshot.drives[{i}].direction"), Finite(drive.Strength, $"snapshot.drives[{i}].strength", 0, 1), Defined(drive.Need, $"snapshot.drives[{i}].need"));
        }

        Required(d.Speaker, "snapshot.speaker");
        if (d.Speaker.Length != 4)
        {
            throw Refuse($"snapshot.speaker holds {d.Speaker.Length} numbers; 4 were expected");
        }

        var selfPersonality = PersonalityFrom(d.SelfPersonality, "snapshot.selfPersonality");
        var veto = d.Veto is { } v
            ? new VetoDecision(Defined(v.Verdict, "snapshot.veto.verdict"), DefinedOrNull(v.Value, "snapshot.veto.value"), Defined(v.Original, "snapshot.veto.original"), DefinedOrNull(v.Replacement, "snapshot.veto.replacement"))
            : (VetoDecision?)null;
        var parts = new AnimaState.Parts
        {
            ExperienceCount = d.ExperienceCount,
            Timestamp = d.Timestamp,
            Profile = _profile,
            Vad = Point(d.Vad, "snapshot.vad"),
            Primary = Emotion(d.Primary, "snapshot.primary"),
            Expressed = Text(d.Expressed, "snapshot.expressed"),
            Table = _table,
            BlendIndices = blendIndices,
            BlendWeights = blendWeights,
            BlendCount = d.Blend.Length,
            Intensity = Finite(d.Intensity, "snapshot.intensity", 0, 1),
            Phi = Finite(d.Phi, "snapshot.phi", 0, 1),
            PredictionError = Finite(d.PredictionError, "snapshot.predictionError", 0, double.MaxValue),
            Surprise = Finite(d.Surprise, "snapshot.surprise"),
            FreeEnergy = Finite(d.FreeEnergy, "snapshot.freeEnergy"),
            SurpriseSpike = d.SurpriseSpike,
            Drives = drives,
            Spectral = new SpectralQualia(Text(d.Surface, "snapshot.surface"), d.Subtext, Defined(d.Archival, "snapshot.archival")),
            Phase = Biography.Phase(d.ExperienceCount),
            SelfStability = Finite(d.SelfStability, "snapshot.selfStability", 0, 1),
            SelfCharacter = Point(d.SelfCharacter, "snapshot.selfCharacter"),
            SelfPersonality = selfPersonality,
            SelfTheme = Defined(d.SelfTheme, "snapshot.selfTheme"),
            SelfVariant = d.SelfVariant,
            Intention = IntentionFrom(d.Intention, "snapshot.intention"),
            Veto = veto,
            Request = new RequestJudgement(Defined(d.RequestVerdict, "snapshot.requestVerdict"), DefinedOrNull(d.RequestValue, "snapshot.requestValue"), d.RequestConcerns),
            Dissonance = Finite(d.Dissonance, "snapshot.dissonance", 0, 1),
            Defense = DefinedOrNull(d.Defense, "snapshot.defense"),
            Temporal = new TemporalSelf(Point(d.TemporalPast, "snapshot.temporalPast"), Point(d.TemporalPresent, "snapshot.temporalPresent"), Point(d.TemporalFuture, "snapshot.temporalFuture"), Finite(d.Coherence, "snapshot.coherence", 0, 1), d.InCrisis),
            Mirror = new SocialMirror(
                new SpeakerImpression(Finite(d.Speaker[0], "snapshot.speaker[0]", -1, 1), Finite(d.Speaker[1], "snapshot.speaker[1]", -1, 1), Finite(d.Speaker[2], "snapshot.speaker[2]", -1, 1), Finite(d.Speaker[3], "snapshot.speaker[3]", 0, 1)),
                d.Perceived,
                Finite(d.Resonance, "snapshot.resonance", 0, 1)),
            Salience = Finite(d.Salience, "snapshot.salience", 0, 1),
            Frustration = Finite(d.Frustration, "snapshot.frustration", 0, 1),
            NarrativeVariant = d.NarrativeVariant,
            Narrator = _narrator,
        };
        levels.CopyTo(parts.Levels);
        return new AnimaState(parts);
    }

    private static readonly string[] TraitNames = ["openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"];

    private static readonly string[] ValueNames = ["care", "integrity", "autonomy", "fairness", "growth"];

    private int EmotionIndex(string? name, string field)
    {
        var emotions = _table.Span;
        for (int i = 0; i < emotions.Length; i++)
        {
            if (emotions[i].Name == name)
            {
                return i;
            }
        }

        throw Refuse($"{field} is '{name}', which is not an emotion of this agent's table");
    }

    private string Emotion(string? name, string field) =>
        EmotionNamed(name) ?? throw Refuse($"{field} is '{name}', which is not an emotion of this agent's table");

    /// <summary>The table's own instance of an emotion's name, or null when the table has no such emotion.</summary>
    private string? EmotionNamed(string? name)
    {
        foreach (var emotion in _table.Span)
        {
            if (emotion.Name == name)
            {
                return emotion.Name;
            }
        }

        return null;
    }

    private static Intention? IntentionFrom(IntentionDocument? d, string field) => d is null
        ? null
        : new Intention(Defined(d.Goal, field + ".goal"), Defined(d.Source, field + ".source"), Finite(d.Strength, field + ".strength", 0, double.MaxValue), DefinedOrNull(d.Need, field + ".need"), Within(d.Persistence, 0, int.MaxValue, field + ".persistence"));

    private static Personality PersonalityFrom(double[]? traits, string field)
    {
        Required(traits, field);
        if (traits!.Length != TraitNames.Length)
        {
            throw Refuse($"{field} holds {traits.Length} traits; {TraitNames.Length} were expected");
        }

        for (int i = 0; i < traits.Length; i++)
        {
            Finite(traits[i], $"{field}.{TraitNames[i]}", 0, 1);
        }

        return new Personality { Openness = traits[0], Conscientiousness = traits[1], Extraversion = traits[2], Agreeableness = traits[3], Neuroticism = traits[4] };
    }

    private static void Exact(double[]? found, double[] expected, string what, string field, string[] names)
    {
        Required(found, field);
        if (found!.Length != expected.Length)
        {
            throw Refuse($"its {what} holds {found.Length} numbers; {expected.Length} were expected");
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (!found[i].Equals(expected[i]))
            {
                throw Refuse(string.Create(CultureInfo.InvariantCulture, $"it was made by an agent whose {what} differ: {names[i]} is {found[i]} there and {expected[i]} here"));
            }
        }
    }

    private static void Copy(double[]? source, Span<double> destination, string field, double min = double.MinValue, double max = double.MaxValue)
    {
        Required(source, field);
        if (source!.Length != destination.Length)
        {
            throw Refuse($"{field} holds {source.Length} numbers; {destination.Length} were expected");
        }

        for (int i = 0; i < source.Length; i++)
        {
            double value = source[i];
            destination[i] = double.IsFinite(value) && value >= min && value <= max ? value : Finite(value, $"{field}[{i}]", min, max);
        }
    }

    private static Vad Point(ReadOnlySpan<double> v, string field)
    {
        if (v.Length != 3)
        {
            throw Refuse($"{field} holds {v.Length} numbers; 3 (valence, arousal, dominance) were expected");
        }

        var point = new Vad(v[0], v[1], v[2]);
        return AllFinite(point) ? point : Checked(point, field);

        static Vad Checked(Vad point, string field) =>
            new(Finite(point.Valence, field + ".valence"), Finite(point.Arousal, field + ".arousal"), Finite(point.Dominance, field + ".dominance"));
    }

    /// <summary>Whether every coordinate of a point is finite, the check <see cref="Point(ReadOnlySpan{double}, string)"/> makes.</summary>
    private static bool AllFinite(Vad point) => double.IsFinite(point.Valence) && double.IsFinite(point.Arousal) && double.IsFinite(point.Dominance);

    private static Vad Point(double[]? v, string field)
    {
        Required(v, field);
        return Point(v.AsSpan(), field);
    }

    private static double Finite(double value, string field, double min = double.MinValue, double max = double.MaxValue) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw Refuse(string.Create(CultureInfo.InvariantCulture, $"{field} is {value}, outside [{min}, {max}]"));

    private static int Within(int value, int min, int max, string field) =>
        value >= min && value <= max ? value : throw Refuse(string.Create(CultureInfo.InvariantCulture, $"{field} is {value}, outside [{min}, {max}]"));

    private static long NonNegative(long value, string field) =>
        value >= 0 ? value : throw Refuse(string.Create(CultureInfo.InvariantCulture, $"{field} is {value}; it cannot be negative"));

    private static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw Refuse($"{field} is {value}, which is not a {typeof(T).Name}");

    private static T? DefinedOrNull<T>(T? value, string field)
        where T : struct, Enum =>
        value is { } v ? Defined(v, field) : null;

    private static string Text(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw Refuse($"{field} is empty") : value;

    private static void Text(string? value, int memory, string part)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Refuse($"memories[{memory}].{part} is empty");
        }
    }

    private static void Required<T>(T? value, string field)
        where T : class
    {
        if (value is null)
        {
            throw Refuse($"{field} is missing");
        }
    }

    private static InvalidDataException Refuse(string reason) => new($"The agent document is refused: {reason}.");
}
