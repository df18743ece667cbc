using System.Globalization;
using System.Text.Json;
using Anima.Agency;
using Anima.Character;
using Anima.Emotions;
using Anima.Identity;
using Anima.StateModel;

namespace Anima.Snapshot;

/// <summary>The last snapshot (<see cref="AnimaState"/>) as part of the agent's state, so <see cref="AnimaCore.State"/> survives an export too.</summary>
internal sealed class SnapshotSection : IStateSection
{
    private readonly ChannelProfile _profile;
    /// <summary>How far from one the weights of a blend, rounded as JSON writes them, may sum.</summary>
    private const double BlendTolerance = 1e-9;

    private readonly EmotionLayer _emotions;
    private readonly INarrator _narrator;
    private readonly ObjectSlot<AnimaState> _snapshot;

    public SnapshotSection(StateLayout layout, ChannelProfile profile, EmotionLayer emotions, INarrator narrator)
    {
        _profile = profile;
        _emotions = emotions;
        _narrator = narrator;
        _snapshot = layout.Object<AnimaState>();
    }

    /// <inheritdoc />
    public string Name => "snapshot";

    /// <summary>Gets the snapshot of the latest experience.</summary>
    public AnimaState Get(AgentState s) => _snapshot.Get(s)!;

    /// <summary>Sets the snapshot of the latest experience.</summary>
    public void Set(AgentState s, AnimaState snapshot) => _snapshot.Set(s, snapshot);

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter w)
    {
        var a = Get(s);
        w.WriteNumber("experienceCount", a.ExperienceCount);
        w.WriteString("timestamp", a.Timestamp);
        w.WriteStartArray("reactors");
        foreach (var r in a.Reactors)
        {
            w.WriteNumberValue(r.Level);
        }

        w.WriteEndArray();
        w.WritePoint("vad", a.Vad);
        w.WriteString("primary", a.Primary);
        w.WriteString("expressed", a.Expressed);
        w.WriteStartArray("blend");
        foreach (var b in a.Blend)
        {
            w.WriteStartObject();
            w.WriteString("emotion", b.Emotion);
            w.WriteNumber("weight", b.Weight);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("intensity", a.Intensity);
        w.WriteNumber("phi", a.Phi);
        w.WriteNumber("predictionError", a.PredictionError);
        w.WriteNumber("surprise", a.Surprise);
        w.WriteNumber("freeEnergy", a.FreeEnergy);
        w.WriteBoolean("surpriseSpike", a.SurpriseSpike);
        w.WriteStartArray("drives");
        foreach (var d in a.Drives)
        {
            w.WriteStartObject();
            w.WriteString("channel", d.Channel);
            w.WriteEnum("direction", d.Direction);
            w.WriteNumber("strength", d.Strength);
            w.WriteEnum("need", d.Need);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("surface", a.Spectral.Surface);
        w.WriteString("subtext", a.Spectral.Subtext);
        w.WriteEnum("archival", a.Spectral.Archival);
        w.WriteNumber("selfStability", a.Self.Stability);
        w.WritePoint("selfCharacter", a.Self.Character);
        GrowthLayer.WritePersonality(w, "selfPersonality", a.Self.Personality);
        w.WriteEnum("selfTheme", a.Self.Theme);
        w.WriteNumber("selfVariant", a.Self.Variant);
        AgencyLayer.WriteIntention(w, "intention", a.Intention);
        if (a.Veto is { } veto)
        {
            w.WriteStartObject("veto");
            w.WriteEnum("verdict", veto.Verdict);
            w.WriteEnum("value", veto.Value);
            w.WriteEnum("original", veto.Original);
            w.WriteEnum("replacement", veto.Replacement);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("veto");
        }

        w.WriteEnum("requestVerdict", a.Request.Verdict);
        w.WriteEnum("requestValue", a.Request.Value);
        w.WriteEnum("requestConcerns", a.Request.Concerns);
        w.WriteNumber("dissonance", a.Dissonance);
        w.WriteEnum("defense", a.Defense);
        w.WritePoint("temporalPast", a.Temporal.Past);
        w.WritePoint("temporalPresent", a.Temporal.Present);
        w.WritePoint("temporalFuture", a.Temporal.Future);
        w.WriteNumber("coherence", a.Temporal.Coherence);
        w.WriteBoolean("inCrisis", a.Temporal.InCrisis);
        var speaker = a.Mirror.Speaker;
        w.WriteNumbers("speaker", [speaker.Valence, speaker.Arousal, speaker.Dominance, speaker.Confidence]);
        w.WriteString("perceived", a.Mirror.Perceived);
        w.WriteNumber("resonance", a.Mirror.Resonance);
        w.WriteNumber("salience", a.Salience);
        w.WriteNumber("frustration", a.Frustration);
        w.WriteNumber("narrativeVariant", a.NarrativeVariant);
    }

    /// <inheritdoc />
    public void Read(SectionReader d, AgentState s)
    {
        var parts = new AnimaState.Parts
        {
            ExperienceCount = d.Integer("experienceCount", 0, SectionReader.MaxCount),
            Timestamp = d.Time("timestamp"),
            Profile = _profile,
            Vad = d.Point("vad"),
            Primary = _emotions.Emotion(d.OptionalText("primary"), d.Path + ".primary"),
            Expressed = Expressed(d),
            Table = _emotions.Table,
            Intensity = d.Number("intensity", 0, 1),
            Phi = d.Number("phi", 0, 1),
            PredictionError = d.Number("predictionError", 0, SectionReader.Magnitude),
            Surprise = d.Number("surprise"),
            FreeEnergy = d.Number("freeEnergy"),
            SurpriseSpike = d.Boolean("surpriseSpike"),
            Drives = Drives(d),
            Spectral = new SpectralQualia(d.Text("surface"), d.OptionalText("subtext"), d.Enum<ArchivalTheme>("archival")),
            SelfStability = d.Number("selfStability", 0, 1),
            SelfCharacter = d.Point("selfCharacter"),
            SelfPersonality = GrowthLayer.ReadPersonality(d, "selfPersonality"),
            SelfTheme = d.Enum<ArchivalTheme>("selfTheme"),
            SelfVariant = d.Int32("selfVariant"),
            Intention = AgencyLayer.ReadIntention(d, "intention"),
            Veto = d.OptionalObject("veto") is { } v
                ? new VetoDecision(v.Enum<VetoVerdict>("verdict"), v.OptionalEnum<CoreValue>("value"), v.Enum<Goal>("original"), v.OptionalEnum<Goal>("replacement"))
                : null,
            Request = new RequestJudgement(d.Enum<RequestVerdict>("requestVerdict"), d.OptionalEnum<CoreValue>("requestValue"), d.Enum<RequestConcerns>("requestConcerns")),
            Dissonance = d.Number("dissonance", 0, 1),
            Defense = d.OptionalEnum<EgoDefense>("defense"),
            Temporal = new TemporalSelf(d.Point("temporalPast"), d.Point("temporalPresent"), d.Point("temporalFuture"), d.Number("coherence", 0, 1), d.Boolean("inCrisis")),
            Mirror = new SocialMirror(Speaker(d), d.IsNull("perceived") ? null : _emotions.Emotion(d.OptionalText("perceived"), d.Path + ".perceived"), d.Number("resonance", 0, 1)),
            Salience = d.Number("salience", 0, 1),
            Frustration = d.Number("frustration", 0, 1),
            NarrativeVariant = d.Int32("narrativeVariant"),
            Narrator = _narrator,
        };
        parts.Phase = Biography.Phase(parts.ExperienceCount);
        Span<double> levels = parts.Levels;
        d.Numbers("reactors", levels[.._profile.Count], 0, 1);
        parts.BlendCount = Blend(d, ref parts);
        Set(s, new AnimaState(parts));
    }

    /// <summary>Reads the emotion the agent shows: one of its table's, or what an expression rule shows one as.</summary>
    private string Expressed(SectionReader d)
    {
        string expressed = d.Text("expressed");
        return _emotions.Named(expressed) is { } emotion ? emotion
            : _emotions.Table.Rules.FirstOrDefault(rule => rule.ShowsAs == expressed)?.ShowsAs
            ?? throw SectionReader.Refuse($"{d.Path}.expressed is '{expressed}', which is neither an emotion of this agent's table nor what one of its rules shows");
    }

    private int Blend(SectionReader d, ref AnimaState.Parts parts)
    {
        var blend = d.Array("blend").ToList();
        if (blend.Count is < 1 or > EmotionLayer.BlendSize)
        {
            throw SectionReader.Refuse($"{d.Path}.blend holds {blend.Count} emotions; between one and {EmotionLayer.BlendSize} were expected");
        }

        for (int i = 0; i < blend.Count; i++)
        {
            var b = new SectionReader(blend[i].Element, blend[i].Path);
            parts.BlendIndices[i] = _emotions.IndexOf(b.OptionalText("emotion"), b.Path + ".emotion");
            parts.BlendWeights[i] = b.Number("weight", 0, 1);
        }

        // The blend is the primary emotion and its neighbours, weighted: the weights sum to one, the primary's is the largest.
        double sum = 0;
        for (int i = 0; i < blend.Count; i++)
        {
            sum += parts.BlendWeights[i];
            if (parts.BlendWeights[i] > parts.BlendWeights[0])
            {
                throw SectionReader.Refuse(string.Create(CultureInfo.InvariantCulture, $"{d.Path}.blend[{i}] weighs {parts.BlendWeights[i]}, more than the first, the primary emotion ({parts.BlendWeights[0]})"));
            }
        }

        if (Math.Abs(sum - 1) > BlendTolerance)
        {
            throw SectionReader.Refuse(string.Create(CultureInfo.InvariantCulture, $"{d.Path}.blend's weights sum to {sum}, not 1"));
        }

        if (_emotions.Table.Emotions[parts.BlendIndices[0]].Name != parts.Primary)
        {
            throw SectionReader.Refuse($"{d.Path}.blend[0] is not the primary emotion '{parts.Primary}'");
        }

        return blend.Count;
    }

    private Drive[] Drives(SectionReader d)
    {
        var drives = new List<Drive>();
        foreach (var (element, path) in d.Array("drives"))
        {
            var drive = new SectionReader(element, path);
            string? channel = drive.OptionalText("channel");
            if (_profile.IndexOf(channel ?? string.Empty) < 0)
            {
                throw SectionReader.Refuse($"{path} names channel '{channel}', which profile '{_profile.Name}' does not have");
            }

            drives.Add(new Drive(channel!, drive.Enum<DriveDirection>("direction"), drive.Number("strength", 0, 1), drive.Enum<Need>("need")));
        }

        return [.. drives];
    }

    private static SpeakerImpression Speaker(SectionReader d)
    {
        Span<double> speaker = stackalloc double[4];
        d.Numbers("speaker", speaker);
        return new SpeakerImpression(
            SectionReader.Within(speaker[0], d.Path + ".speaker[0]", -1, 1),
            SectionReader.Within(speaker[1], d.Path + ".speaker[1]", -1, 1),
            SectionReader.Within(speaker[2], d.Path + ".speaker[2]", -1, 1),
            SectionReader.Within(speaker[3], d.Path + ".speaker[3]", 0, 1));
    }
}
