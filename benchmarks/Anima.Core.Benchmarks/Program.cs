using BenchmarkDotNet.Running;

if (args is ["--figures", "memory"])
{
    Anima.Benchmarks.Figures.BytesPerMemory();
    return;
}

if (args is ["--figures"])
{
    // The one-off figures of a long life (see Figures.cs); everything else is BenchmarkDotNet.
    await Anima.Benchmarks.Figures.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Anima.Benchmarks.ExperienceBenchmarks).Assembly).Run(args);
