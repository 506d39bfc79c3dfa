using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using KeyLint.Scanning;

namespace KeyLint.Benchmarks.Scanners
{
    /// <summary>
    /// <c>--regex-scaling</c>: the inputs on which the trufflehog-style regex backtracks, at sizes small
    /// enough to finish, with KeyScanner and a linear-time (<see cref="RegexOptions.NonBacktracking"/>)
    /// version of the same pattern beside it. Stopwatch, median of several runs.
    /// </summary>
    public static class RegexScaling
    {
        public static void Run()
        {
            var backtracking = RegexBaselines.Create(RegexBaselines.TrufflehogStyle);
            var nonBacktracking = new Regex(RegexBaselines.TrufflehogStyle, RegexOptions.NonBacktracking);
            var gitleaks = RegexBaselines.Create(RegexBaselines.GitleaksStyle);

            // Warm up every engine (JIT, compiled regex) before the first timed size.
            string warm = ScanInputs.Create(ScanInput.SkRepeated, 8 * 1024);
            for (int i = 0; i < 20; i++)
            {
                RegexBaselines.Consume(backtracking, warm.AsSpan());
                RegexBaselines.Consume(nonBacktracking, warm.AsSpan());
                RegexBaselines.Consume(gitleaks, warm.AsSpan());
                Count(warm);
            }

            // Why the regexes are only a few times slower on source text: candidates for each anchor.
            foreach (ScanInput input in new[] { ScanInput.KeyFree, ScanInput.WithKeys })
            {
                string text = ScanInputs.Create(input, ScanInputs.OneMiB);
                Console.WriteLine($"{input} (1 MiB): {Occurrences(text, "sk-")} occurrences of \"sk-\" (where the regexes stop), {Occurrences(text, OpenAIKeyFormat.Marker)} of the marker (where KeyScanner stops)");
            }

            Console.WriteLine();
            Console.WriteLine("| Input | Size (KiB) | trufflehog-style, Compiled (ms) | ratio to half size | same pattern, NonBacktracking (ms) | gitleaks-style (ms) | KeyScanner (ms) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (ScanInput input in new[] { ScanInput.SkRepeated, ScanInput.ProjPrefixes })
            {
                double previous = double.NaN;
                for (int kib = 16; kib <= 1024; kib *= 2)
                {
                    string text = ScanInputs.Create(input, kib * 1024);

                    // Above 256 KiB a call takes seconds: one timed call, no warm-up.
                    double slow = kib <= 256
                        ? Median(() => RegexBaselines.Consume(backtracking, text.AsSpan()), runs: 5)
                        : Median(() => RegexBaselines.Consume(backtracking, text.AsSpan()), runs: 1, warmUp: false);
                    double linear = Median(() => RegexBaselines.Consume(nonBacktracking, text.AsSpan()), runs: 5);
                    double bounded = Median(() => RegexBaselines.Consume(gitleaks, text.AsSpan()), runs: 5);
                    double scanner = Median(() => Count(text), runs: 5);
                    string ratio = double.IsNaN(previous) ? "" : (slow / previous).ToString("F2") + "×";
                    Console.WriteLine($"| {input} | {kib} | {slow:F1} | {ratio} | {linear:F2} | {bounded:F3} | {scanner:F3} |");
                    previous = slow;
                }
            }
        }

        private static int Occurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static int Count(string text)
        {
            int consumed = 0;
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                consumed += 1 + match.Length;
            }

            return consumed;
        }

        private static double Median(Func<int> action, int runs, bool warmUp = true)
        {
            if (warmUp)
            {
                action();
            }

            var times = new double[runs];
            for (int i = 0; i < runs; i++)
            {
                long start = Stopwatch.GetTimestamp();
                action();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            return times[runs / 2];
        }
    }
}
