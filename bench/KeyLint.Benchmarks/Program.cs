using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KeyLint.Benchmarks.AdditionalFiles;
using KeyLint.Benchmarks.Analyzers;
using KeyLint.Benchmarks.CodeFixes;
using KeyLint.Benchmarks.Scanners;

namespace KeyLint.Benchmarks
{
    /// <summary>
    /// <list type="bullet">
    /// <item><c>-- --filter '*'</c> (any BenchmarkDotNet arguments): the scanning benchmarks.</item>
    /// <item><c>-- --analyzer [--sizes 5,10,20] [--repeats 5]</c>: analyzers against the compiler (custom loop).</item>
    /// <item><c>-- --breakdown [--size 20]</c>: stopwatch breakdown of the single-document cost.</item>
    /// <item><c>-- --codefix [--rounds 3] [--project-keys 50,100,250,1000]</c>: the code fix's light bulb and Fix All in a workspace.</item>
    /// <item><c>-- --additional-files [--repeats 7]</c>: KL0006/KL0009 over 2,000 additional files (10 MB), against the compiler reading them.</item>
    /// <item><c>-- --additional-files-build [--repeats 5]</c>: the same files in a real Web project, <c>dotnet build</c> with KeyLint's file switches on and off.</item>
    /// <item><c>-- --write-project DIR [--size 20]</c>: the corpus as a real SDK project, for <c>-p:ReportAnalyzer=true</c>.</item>
    /// <item><c>-- --regex-scaling</c>: the inputs on which the trufflehog-style regex backtracks.</item>
    /// </list>
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Contains("--analyzer"))
            {
                return AnalyzerMeasurement.Run(args);
            }

            if (args.Contains("--breakdown"))
            {
                return AnalyzerBreakdown.Run(args);
            }

            if (args.Contains("--codefix"))
            {
                return CodeFixMeasurement.Run(args);
            }

            if (args.Contains("--additional-files"))
            {
                return AdditionalFilesMeasurement.Run(args);
            }

            if (args.Contains("--additional-files-build"))
            {
                return AdditionalFilesBuild.Run(args);
            }

            if (args.Contains("--write-project"))
            {
                return ProjectWriter.Run(args);
            }

            if (args.Contains("--regex-scaling"))
            {
                RegexScaling.Run();
                return 0;
            }

            // In-process: no child build of the benchmark project (and of src/) per run, and a few
            // iterations only: the inputs are large enough (1-4 MiB) for stable means. 2 cores.
            Job job = Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(7)
                .WithId("InProcess-7it");
            IConfig config = DefaultConfig.Instance
                .AddJob(job)
                .AddColumn(new ThroughputColumn())
                .WithArtifactsPath(Path.Combine(BenchDirectory(), "BenchmarkDotNet.Artifacts"))
                .HideColumns("Job", "Toolchain", "LaunchCount", "WarmupCount", "IterationCount");
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
            return 0;
        }

        /// <summary>bench/ of the repository: results stay there, wherever the command is run from.</summary>
        public static string BenchDirectory([CallerFilePath] string thisFile = "")
        {
            string? project = Path.GetDirectoryName(thisFile);
            string? bench = project is null ? null : Path.GetDirectoryName(project);
            return bench is not null && Directory.Exists(bench) ? bench : Directory.GetCurrentDirectory();
        }
    }
}
