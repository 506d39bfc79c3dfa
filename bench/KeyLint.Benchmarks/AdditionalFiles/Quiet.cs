using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using KeyLint.Benchmarks.Analyzers;

namespace KeyLint.Benchmarks.AdditionalFiles
{
    /// <summary>
    /// The load rules of the additional-file measurements: start only when the 1-minute load average is
    /// below a limit (waiting for it), and tell how much CPU other processes used during a sample —
    /// other than this process and the children it waited for (the builds it ran), from /proc.
    /// </summary>
    public static class Quiet
    {
        public static double LoadAverage()
            => File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : 0;

        /// <summary>Waits until the 1-minute load is below <paramref name="maxLoad"/>, checking every 30 s; false after <paramref name="maxWait"/>.</summary>
        public static bool WaitForLoadBelow(double maxLoad, TimeSpan maxWait)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                double load = LoadAverage();
                if (load < maxLoad)
                {
                    return true;
                }

                if (waited.Elapsed > maxWait)
                {
                    Console.WriteLine($"  (load still {load:F2} after {waited.Elapsed.TotalMinutes:F0} min; measuring anyway, marked)");
                    return false;
                }

                Console.WriteLine($"  (load {load:F2} ≥ {maxLoad:F1}: waiting)");
                Thread.Sleep(TimeSpan.FromSeconds(30));
            }
        }

        /// <summary>Waits (up to a minute) until other processes use less than 10 % of a core for half a second.</summary>
        public static void WaitForQuietCores() => Machine.WaitUntilQuiet(TimeSpan.FromMinutes(1));

        /// <summary>A reading of the machine's busy time and of this process's own and reaped children's CPU time.</summary>
        public readonly struct Reading
        {
            private readonly double _busyMs;
            private readonly double _ownMs;

            private Reading(double busyMs, double ownMs)
            {
                _busyMs = busyMs;
                _ownMs = ownMs;
            }

            public static Reading Take()
            {
                if (!File.Exists("/proc/stat") || !File.Exists("/proc/self/stat"))
                {
                    return default;
                }

                string[] cpu = File.ReadAllLines("/proc/stat")[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                long busy = 0;
                for (int i = 1; i < cpu.Length; i++)
                {
                    if (i != 4 && i != 5)
                    {
                        busy += long.Parse(cpu[i], CultureInfo.InvariantCulture); // all but idle and iowait
                    }
                }

                // /proc/self/stat: fields after the command name; utime, stime, cutime, cstime are 14-17.
                string self = File.ReadAllText("/proc/self/stat");
                string[] fields = self.Substring(self.LastIndexOf(')') + 2).Split(' ');
                long own = 0;
                for (int field = 14; field <= 17; field++)
                {
                    own += long.Parse(fields[field - 3], CultureInfo.InvariantCulture);
                }

                return new Reading(busy * 10.0, own * 10.0);
            }

            /// <summary>CPU time (ms) others used since <paramref name="earlier"/>: all busy time less this process's and its finished children's.</summary>
            public double OthersMs(Reading earlier) => Math.Max(0, (_busyMs - earlier._busyMs) - (_ownMs - earlier._ownMs));

            /// <summary>CPU time (ms) of this process and its finished children since <paramref name="earlier"/>.</summary>
            public double OwnMs(Reading earlier) => _ownMs - earlier._ownMs;
        }
    }
}
