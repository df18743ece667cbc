namespace Anima.Tests.Support;

/// <summary>The labelled data beside the project (../shared/data): EmoBank and the VADER lexicon, for tests and tuning only.</summary>
internal static class SharedData
{
    /// <summary>Finds a file of ../shared/data by walking up from the test assembly to the folder beside the project root.</summary>
    public static string File(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", relative);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The shared data file '{relative}' was not found in a 'shared/data' folder above {AppContext.BaseDirectory}.");
    }
}
