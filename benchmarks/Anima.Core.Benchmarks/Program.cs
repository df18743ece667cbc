using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Anima.Benchmarks.ExperienceBenchmarks).Assembly).Run(args);
