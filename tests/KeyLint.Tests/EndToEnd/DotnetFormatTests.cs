using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KeyLint.Scanning;
using KeyLint.Tests.Analyzers;

namespace KeyLint.Tests.EndToEnd
{
    /// <summary>
    /// The real client: <c>dotnet format analyzers</c> applies KeyLint's fixes to a copy of the console
    /// sample, and the sample then builds with no KeyLint warning and no key left in its sources.
    /// </summary>
    public class DotnetFormatTests
    {
        [Fact]
        public void DotnetFormat_OnACopyOfTheSample_ShouldRemoveEveryKeyAndBuildClean()
        {
            string root = SampleKeysTests.RepositoryRoot();
            string copy = Path.Combine(Path.GetTempPath(), "keylint-format-" + Guid.NewGuid().ToString("N"));
            string project = Path.Combine(copy, "KeyLint.Sample.Console");
            try
            {
                CopySample(Path.Combine(root, "samples", "KeyLint.Sample.Console"), project, root);
                Assert.NotEmpty(KeysIn(project));

                (int formatExit, string formatOutput) = ProcessRunner.Run(
                    "dotnet",
                    "format analyzers KeyLint.Sample.Console.csproj --diagnostics KL0001 KL0002 KL0003 KL0004 KL0005 --severity info",
                    project,
                    TimeSpan.FromMinutes(5));
                Assert.True(formatExit == 0, "dotnet format failed:\n" + Redact(formatOutput));

                Assert.Empty(KeysIn(project));
                (int buildExit, string buildOutput) = ProcessRunner.Run("dotnet", "build KeyLint.Sample.Console.csproj", project, TimeSpan.FromMinutes(5));
                Assert.True(buildExit == 0, "the fixed sample does not build:\n" + Redact(buildOutput));
                Assert.DoesNotMatch(new Regex(@"warning (KL\d{4}|CS\d{4})"), buildOutput);
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }
        }

        /// <summary>Copies the sample and points its project references at the repository's src/.</summary>
        private static void CopySample(string from, string to, string repositoryRoot)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.EnumerateFiles(from).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                string text = File.ReadAllText(file).Replace(@"..\..\src", Path.Combine(repositoryRoot, "src"));
                File.WriteAllText(Path.Combine(to, Path.GetFileName(file)), text);
            }
        }

        private static string[] KeysIn(string directory)
            => Directory.EnumerateFiles(directory, "*.cs")
                .SelectMany(file =>
                {
                    string text = File.ReadAllText(file);
                    return Scan(text).Select(m => Path.GetFileName(file) + ":" + KeyRedactor.Redact(text.AsSpan(m.Start, m.Length), m.PrefixLength));
                })
                .ToArray();

        private static System.Collections.Generic.List<KeyMatch> Scan(string text)
        {
            var matches = new System.Collections.Generic.List<KeyMatch>();
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                matches.Add(match);
            }

            return matches;
        }

        /// <summary>Build output is shown on failure: never with a whole key in it.</summary>
        internal static string Redact(string output)
        {
            var builder = new System.Text.StringBuilder(output);
            foreach (KeyMatch match in Scan(output).AsEnumerable().Reverse())
            {
                builder.Remove(match.Start, match.Length).Insert(match.Start, KeyRedactor.Redact(output.AsSpan(match.Start, match.Length), match.PrefixLength));
            }

            return builder.ToString();
        }
    }
}
