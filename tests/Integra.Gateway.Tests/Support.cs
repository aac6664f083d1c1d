namespace Integra.Gateway.Tests;

/// <summary>A fresh folder per test, removed afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "integra-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow CI machine must not fail the test; the OS temp cleaner gets it.
        }
    }
}

/// <summary>Paths in the repository: shipped samples and the test files.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SampleData => Path.Combine(Root, "samples", "reference");

    public static string SampleDrop(string partner) => Path.Combine(Root, "samples", "drop", partner);

    public static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "Files", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integra.Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Integra.Gateway.sln) not found");
    }
}
