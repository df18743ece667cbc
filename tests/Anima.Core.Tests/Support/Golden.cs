using FluentAssertions;

namespace Anima.Tests.Support;

/// <summary>
/// Golden files: <c>name.approved.txt</c> beside the test sources holds the approved text. A mismatch writes
/// <c>name.received.txt</c> there so a person can compare and approve it by renaming.
/// </summary>
internal static class Golden
{
    public static void Verify(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        string approvedPath = Path.Combine(AppContext.BaseDirectory, name + ".approved.txt");
        string sourcePath = Path.Combine(SourceRoot(), name + ".approved.txt");
        string? approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (approved != actual)
        {
            File.WriteAllText(Path.ChangeExtension(sourcePath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt", actual);
        }

        approved.Should().NotBeNull($"the approved file {name}.approved.txt should exist (a received file was written beside the tests)");
        actual.Should().Be(approved, $"the text should match {name}.approved.txt");
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
