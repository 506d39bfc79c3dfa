using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace KeyLint.Benchmarks.Analyzers
{
    /// <summary>
    /// Keeps other processes' work out of the samples: waits for a quiet machine before a sample and
    /// tells afterwards how much CPU time other processes used during it (Linux /proc/stat; elsewhere
    /// every check passes). On a shared 2-core machine a build or test run next door can double a
    /// sample; such a sample is measured again.
    /// </summary>
    public static class Machine
    {
        private static readonly bool Available = File.Exists("/proc/stat");

        /// <summary>10 ms per jiffy (USER_HZ = 100 on Linux).</summary>
        private const double MsPerTick = 10;

        public static string LoadAverage => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

        /// <summary>Waits (up to <paramref name="maxWait"/>) until other processes use less than 10 % of one core over half a second.</summary>
        public static bool WaitUntilQuiet(TimeSpan maxWait)
        {
            if (!Available)
            {
                return true;
            }

            var waited = Stopwatch.StartNew();
            while (true)
            {
                Snapshot start = Snapshot.Take();
                Thread.Sleep(500);
                double others = Snapshot.Take().OthersCpuMs(start);
                if (others < 50)
                {
                    return true;
                }

                if (waited.Elapsed > maxWait)
                {
                    return false;
                }

                Thread.Sleep(1500);
            }
        }

        /// <summary>A reading of the machine's and this process's CPU time.</summary>
        public readonly struct Snapshot
        {
            private readonly double _busyMs;
            private readonly double _ownMs;

            private Snapshot(double busyMs, double ownMs)
            {
                _busyMs = busyMs;
                _ownMs = ownMs;
            }

            public static Snapshot Take()
            {
                double own = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
                if (!Available)
                {
                    return new Snapshot(own, own);
                }

                // cpu  user nice system idle iowait irq softirq steal ...
                long[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
                long busy = fields.Sum() - fields[3] - (fields.Length > 4 ? fields[4] : 0);
                return new Snapshot(busy * MsPerTick, own);
            }

            /// <summary>CPU time other processes used since <paramref name="earlier"/>, in ms (±10 ms per core).</summary>
            public double OthersCpuMs(Snapshot earlier) => Math.Max(0, (_busyMs - earlier._busyMs) - (_ownMs - earlier._ownMs));
        }
    }
}
