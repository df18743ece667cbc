using System.Text.Json;
using Anima.StateModel;

namespace Anima.People;

/// <summary>
/// The people the agent knows and how it stands with each (see <see cref="Relationship"/> for how a bond moves). Not
/// thread-safe: the agent calls it under its lock.
/// </summary>
internal sealed class Acquaintances
{
    /// <summary>How long silence takes to halve warmth.</summary>
    public static readonly TimeSpan WarmthHalfLife = TimeSpan.FromDays(60);

    /// <summary>How long silence takes to halve familiarity.</summary>
    public static readonly TimeSpan FamiliarityHalfLife = TimeSpan.FromDays(180);

    private const double WarmthRate = 0.25;
    private const double TrustGain = 0.05;
    private const double TrustLoss = 0.35;
    private const double FamiliarityRate = 0.05;
    private const double StrangerTrust = 0.5;

    private readonly Dictionary<string, Relationship> _known = new(StringComparer.Ordinal);

    /// <summary>Gets how many people the agent knows.</summary>
    public int Count => _known.Count;

    /// <summary>Returns how the agent stands with a person now, silence since they last spoke included; null for a stranger.</summary>
    public Relationship? Get(string personId, DateTimeOffset now) =>
        _known.TryGetValue(personId, out var known) ? Faded(known, now) : null;

    /// <summary>Returns every relationship as it stands now, the most recently spoken with first.</summary>
    public List<Relationship> All(DateTimeOffset now) =>
        [.. _known.Values.OrderByDescending(static r => r.LastSpoke).ThenBy(static r => r.PersonId, StringComparer.Ordinal).Select(r => Faded(r, now))];

    /// <summary>Forgets a person; returns whether the agent knew them.</summary>
    public bool Forget(string personId) => _known.Remove(personId);

    /// <summary>Forgets everyone.</summary>
    public void Clear() => _known.Clear();

    /// <summary>
    /// Lets a person's message move the bond: the silence before it, then its tone, any harmful request, and the
    /// familiarity of one more turn.
    /// </summary>
    /// <param name="person">Who spoke.</param>
    /// <param name="speaker">How they seemed in the message.</param>
    /// <param name="concerns">What the message asked for that values object to.</param>
    /// <param name="seemed">The emotion the agent saw in them, if any.</param>
    /// <param name="now">When they spoke.</param>
    /// <returns>The relationship after the message, and how long it had been since they last spoke (null for a first meeting).</returns>
    public (Relationship Now, TimeSpan? Since) Hear(Person person, SpeakerImpression speaker, RequestConcerns concerns, string? seemed, DateTimeOffset now)
    {
        TimeSpan? since = null;
        var r = new Relationship(person.Id, person.Name, 0, StrangerTrust, 0, default, null, now, 0);
        if (_known.TryGetValue(person.Id, out var known))
        {
            since = now > known.LastSpoke ? now - known.LastSpoke : TimeSpan.Zero;
            r = Faded(known, now) with { Name = person.Name ?? known.Name };
        }

        double tone = Math.Clamp(speaker.Valence * speaker.Confidence, -1, 1);
        double warmth = tone >= 0 ? r.Warmth + (WarmthRate * tone * (1 - r.Warmth)) : r.Warmth + (WarmthRate * tone * (1 + r.Warmth));
        double hostility = Math.Max(-tone, (concerns & (RequestConcerns.Harm | RequestConcerns.Coercion | RequestConcerns.Deception)) != 0 ? 1 : 0);
        double trust = hostility > 0
            ? r.Trust - (TrustLoss * hostility * r.Trust)
            : r.Trust + (TrustGain * tone * (1 - r.Trust));
        long turns = r.Turns + 1;
        var usual = r.UsualFeeling;
        if (speaker.Confidence > 0)
        {
            double rate = Math.Max(1.0 / turns, 0.1);
            var point = speaker.Point;
            usual = new Vad(
                usual.Valence + (rate * (point.Valence - usual.Valence)),
                usual.Arousal + (rate * (point.Arousal - usual.Arousal)),
                usual.Dominance + (rate * (point.Dominance - usual.Dominance)));
        }

        r = r with
        {
            Warmth = Math.Clamp(warmth, -1, 1),
            Trust = Math.Clamp(trust, 0, 1),
            Familiarity = r.Familiarity + (FamiliarityRate * (1 - r.Familiarity)),
            UsualFeeling = usual,
            Seemed = seemed,
            LastSpoke = now,
            Turns = turns,
        };
        _known[person.Id] = r;
        return (r, since);
    }

    /// <summary>Writes the "people" section.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("known");
        foreach (var r in _known.Values.OrderBy(static r => r.PersonId, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", r.PersonId);
            writer.WriteString("name", r.Name);
            writer.WriteNumber("warmth", r.Warmth);
            writer.WriteNumber("trust", r.Trust);
            writer.WriteNumber("familiarity", r.Familiarity);
            writer.WritePoint("usualFeeling", r.UsualFeeling);
            writer.WriteString("seemed", r.Seemed);
            writer.WriteString("lastSpoke", r.LastSpoke);
            writer.WriteNumber("turns", r.Turns);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Checks a "people" section (null for a document from before people were known) and returns what restores it.</summary>
    /// <param name="section">The section, or <see langword="null"/>.</param>
    /// <param name="emotionNamed">Finds an emotion of the agent's table by name; null when it has none of that name.</param>
    public System.Action Read(SectionReader? section, Func<string?, string?> emotionNamed)
    {
        var known = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        if (section is not null)
        {
            foreach (var (element, path) in section.Array("known"))
            {
                var p = new SectionReader(element, path);
                string id = Id(p.Text("id"), path + ".id");
                string? name = p.OptionalText("name") is { } given ? Id(given, path + ".name") : null;
                string? seemed = p.OptionalText("seemed") is { } emotion
                    ? emotionNamed(emotion) ?? throw SectionReader.Refuse($"{path}.seemed is '{emotion}', which is not an emotion of this agent's table")
                    : null;
                var r = new Relationship(
                    id,
                    name,
                    p.Number("warmth", -1, 1),
                    p.Number("trust", 0, 1),
                    p.Number("familiarity", 0, 1),
                    p.Point("usualFeeling"),
                    seemed,
                    p.Time("lastSpoke"),
                    p.Integer("turns", 1, SectionReader.MaxCount));
                if (!known.TryAdd(id, r))
                {
                    throw SectionReader.Refuse($"{path}.id '{id}' names a person already known");
                }
            }
        }

        return () =>
        {
            _known.Clear();
            foreach (var pair in known)
            {
                _known.Add(pair.Key, pair.Value);
            }
        };

        static string Id(string text, string field) =>
            string.IsNullOrWhiteSpace(text) || text.Length > Person.MaxLength
                ? throw SectionReader.Refuse($"{field} must be a person's id or name of one to {Person.MaxLength} characters")
                : text;
    }

    private static Relationship Faded(Relationship r, DateTimeOffset now)
    {
        if (now <= r.LastSpoke)
        {
            return r;
        }

        double days = (now - r.LastSpoke).TotalDays;
        return r with
        {
            Warmth = r.Warmth * Math.Pow(0.5, days / WarmthHalfLife.TotalDays),
            Familiarity = r.Familiarity * Math.Pow(0.5, days / FamiliarityHalfLife.TotalDays),
        };
    }
}
