namespace Anima;

/// <summary>The layers of what it is like to be the agent right now.</summary>
/// <param name="Surface">The felt emotion in the foreground (the primary emotion).</param>
/// <param name="Subtext">The emotion beneath it (the second of the blend), or <see langword="null"/> when the feeling is pure.</param>
/// <param name="Archival">The background theme of recent life.</param>
public readonly record struct SpectralQualia(string Surface, string? Subtext, ArchivalTheme Archival);
