using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using KeyLint.Scanning;
using Scanner = KeyLint.Scanning.KeyScanner;

namespace KeyLint.Benchmarks.Scanners
{
    /// <summary>Shared set-up: one input of <c>Scale</c> MiB and the two regex baselines.</summary>
    public abstract class ScanBenchmarkBase
    {
        private string _text = string.Empty;
        private Regex? _gitleaks;
        private Regex? _trufflehog;

        public abstract ScanInput CurrentInput { get; }

        /// <summary>Input size in MiB (1 MiB = 1,048,576 ASCII characters).</summary>
        public virtual int CurrentScale => 1;

        [GlobalSetup]
        public void Setup()
        {
            _text = ScanInputs.Create(CurrentInput, CurrentScale * ScanInputs.OneMiB);
            _gitleaks = RegexBaselines.Create(RegexBaselines.GitleaksStyle);
            _trufflehog = RegexBaselines.Create(RegexBaselines.TrufflehogStyle);

            // The inputs must be what their names say.
            int keys = ScanInputs.CountKeys(_text);
            if ((CurrentInput == ScanInput.WithKeys) != (keys > 0))
            {
                throw new InvalidOperationException($"{CurrentInput}: {keys} keys.");
            }
        }

        /// <summary>KeyScanner: counts the matches and sums their lengths so nothing is optimised away.</summary>
        [Benchmark(Baseline = true)]
        public int KeyScanner()
        {
            int consumed = 0;
            foreach (KeyMatch match in Scanner.Find(_text.AsSpan()))
            {
                consumed += 1 + match.Length;
            }

            return consumed;
        }

        protected int Gitleaks() => RegexBaselines.Consume(_gitleaks!, _text.AsSpan());

        protected int Trufflehog() => RegexBaselines.Consume(_trufflehog!, _text.AsSpan());
    }

    /// <summary>KeyScanner against the gitleaks-style regex on every input (1 MiB each).</summary>
    [MemoryDiagnoser]
    public class ScanningBenchmarks : ScanBenchmarkBase
    {
        [ParamsAllValues]
        public ScanInput Input { get; set; }

        public override ScanInput CurrentInput => Input;

        [Benchmark]
        public int GitleaksRegex() => Gitleaks();
    }

    /// <summary>
    /// KeyScanner against the trufflehog-style regex. The inputs on which that regex backtracks
    /// quadratically ("sk-sk-…", "sk-proj-sk-proj-…") are left out: one MiB would take minutes per
    /// call. <c>--regex-scaling</c> measures them at smaller sizes.
    /// </summary>
    [MemoryDiagnoser]
    public class TrufflehogBenchmarks : ScanBenchmarkBase
    {
        [ParamsSource(nameof(LinearInputs))]
        public ScanInput Input { get; set; }

        public static IEnumerable<ScanInput> LinearInputs
            => Enum.GetValues<ScanInput>().Where(input => !ScanInputs.IsQuadraticForUnboundedRegex(input));

        public override ScanInput CurrentInput => Input;

        [Benchmark]
        public int TrufflehogRegex() => Trufflehog();
    }

    /// <summary>Time against input size (1, 2 and 4 MiB) on the key-free and adversarial inputs.</summary>
    [MemoryDiagnoser]
    public class ScalingBenchmarks : ScanBenchmarkBase
    {
        [ParamsSource(nameof(ScalingInputs))]
        public ScanInput Input { get; set; }

        [Params(1, 2, 4)]
        public int Scale { get; set; }

        public static IEnumerable<ScanInput> ScalingInputs
            => Enum.GetValues<ScanInput>().Where(input => input != ScanInput.WithKeys);

        public override ScanInput CurrentInput => Input;

        public override int CurrentScale => Scale;

        [Benchmark]
        public int GitleaksRegex() => Gitleaks();
    }
}
