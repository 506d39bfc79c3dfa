using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace KeyLint.Benchmarks.Scanners
{
    /// <summary>
    /// Throughput: input size / mean time, in MB/s (10^6 bytes per second). Inputs are ASCII, so a
    /// character is one byte of UTF-8 source (two bytes in memory as UTF-16).
    /// </summary>
    public sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Throughput: input characters (= UTF-8 bytes, ASCII) / Mean, in 10^6 per second";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkReport? report = summary[benchmarkCase];
            if (report?.ResultStatistics is null || report.ResultStatistics.Mean <= 0)
            {
                return "NA";
            }

            object? scale = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Scale")?.Value;
            double bytes = (scale is int s ? s : 1) * (double)ScanInputs.OneMiB;
            double megabytesPerSecond = bytes * 1000.0 / report.ResultStatistics.Mean;
            return megabytesPerSecond.ToString(megabytesPerSecond >= 100 ? "N0" : "N2", System.Globalization.CultureInfo.InvariantCulture);
        }

        public override string ToString() => ColumnName;
    }
}
