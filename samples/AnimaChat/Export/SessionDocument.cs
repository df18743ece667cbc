using System.Text.Json.Serialization;

namespace AnimaChat.Export;

/// <summary>The session log as written by <c>/export</c>.</summary>
/// <param name="Format">Names this layout, so a reader can tell versions apart.</param>
/// <param name="StartedAt">When the session began.</param>
/// <param name="Provider">The provider and model, without the key.</param>
/// <param name="Profile">The reactor profile.</param>
/// <param name="Entries">Every moment, in order.</param>
internal sealed record SessionDocument(string Format, DateTimeOffset StartedAt, string Provider, string Profile, IReadOnlyList<SessionEntry> Entries)
{
    /// <summary>The value of <see cref="Format"/> this sample writes.</summary>
    public const string CurrentFormat = "anima-chat-session/1";
}

/// <summary>Source-generated JSON for the session log (no reflection at run time).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionDocument))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
