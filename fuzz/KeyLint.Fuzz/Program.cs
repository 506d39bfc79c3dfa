using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using KeyLint.Tests;
using KeyLint.Tests.Reliability;
using SharpFuzz;

namespace KeyLint.Fuzz
{
    /// <summary>
    /// The fuzz target. Without arguments it runs under afl-fuzz (SharpFuzz's out-of-process mode):
    /// each input's bytes are decoded (<see cref="ScannerInvariants.Decode"/>) and checked; a broken
    /// invariant throws, which AFL records as a crash. Other modes:
    /// <c>--write-corpus DIR</c> writes the seed corpus (keys made by FakeKeys only);
    /// <c>--replay FILE|DIR…</c> checks files without AFL and prints one line per file, no input text.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "--write-corpus")
            {
                SeedCorpus.Write(args[1]);
                return 0;
            }

            if (args.Length >= 2 && args[0] == "--replay")
            {
                return Replay(args[1..]);
            }

            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                ScannerInvariants.Check(ScannerInvariants.Decode(buffer.ToArray()));
            });
            return 0;
        }

        private static int Replay(IEnumerable<string> paths)
        {
            int failures = 0;
            foreach (string path in paths)
            {
                IEnumerable<string> files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories) : new[] { path };
                foreach (string file in files)
                {
                    try
                    {
                        int keys = ScannerInvariants.Check(ScannerInvariants.Decode(File.ReadAllBytes(file)));
                        Console.WriteLine($"ok   {file}: {keys} key(s)");
                    }
                    catch (Exception exception)
                    {
                        failures++;
                        Console.WriteLine($"FAIL {file}: {exception.GetType().Name}: {(exception is ScannerInvariantException ? exception.Message : "(message not shown)")}");
                    }
                }
            }

            return failures == 0 ? 0 : 1;
        }
    }

    /// <summary>
    /// The seed corpus: small texts around keys of every kind, all made by FakeKeys (fake, never
    /// issued), and near-misses derived from them. Regenerate with <c>--write-corpus fuzz/corpus</c>.
    /// </summary>
    internal static class SeedCorpus
    {
        public static void Write(string directory)
        {
            Directory.CreateDirectory(directory);
            foreach ((string name, byte[] bytes) in Seeds())
            {
                File.WriteAllBytes(Path.Combine(directory, name), bytes);
            }
        }

        public static IEnumerable<(string Name, byte[] Bytes)> Seeds()
        {
            static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
            string project = FakeKeys.ProjectShort(601), project58 = FakeKeys.Project(602, 58), service = FakeKeys.ServiceAccount(603, 16);
            string named = FakeKeys.NamedService("svc", 604), admin = FakeKeys.Admin(605, 20), legacy = FakeKeys.LegacyUser(606);
            string legacyLong = FakeKeys.LegacyUserLong(607, 16), none = FakeKeys.None(608);

            yield return ("01-project-in-code", Latin1("var k = \"" + project + "\";\n"));
            yield return ("02-project58-in-json", Latin1("{\"OpenAI\":{\"ApiKey\":\"" + project58 + "\"}}"));
            yield return ("03-service-account-env", Latin1("OPENAI_API_KEY=" + service + "\n"));
            yield return ("04-named-service", Latin1("key: " + named));
            yield return ("05-admin-comment", Latin1("// " + admin + "\n"));
            yield return ("06-legacy-user", Latin1(legacy));
            yield return ("07-legacy-long", Latin1("'" + legacyLong + "'"));
            yield return ("08-none", Latin1("Bearer " + none));
            yield return ("09-two-keys", Latin1(project + " " + legacy));
            yield return ("10-glued-keys", Latin1(project + legacy));
            yield return ("11-glued-char", Latin1("x" + project));
            yield return ("12-marker-only", Latin1("T3BlbkFJ T3BlbkFJT3BlbkFJ sk- sk-proj- T3Blbk"));
            yield return ("13-placeholder", Latin1("sk-proj-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx"));
            yield return ("14-near-miss-lengths", Latin1("sk-proj-" + project.Substring(8, 16) + "T3BlbkFJ" + project.Substring(36, 20) + "abcdefghij"));
            yield return ("15-empty", Array.Empty<byte>());
            yield return ("16-utf16-surrogates", ScannerInvariants.EncodeUtf16("\uD800" + project + "\uDC00 \uD83D\uDE00" + none + "\uDBFF"));
            yield return ("17-utf8-text", Concat(new byte[] { 0xFE }, Encoding.UTF8.GetBytes("cl\u00e9 = \u00ab" + admin + "\u00bb \u4e2d")));
            yield return ("18-latin1-high", Latin1("\u00e9" + legacy + "\u00ff"));
            yield return ("19-many-markers-one-run", Latin1("sk-" + string.Concat(System.Linq.Enumerable.Repeat("T3BlbkFJ", 12))));
            yield return ("20-damaged-prefix", Latin1("sK-" + project.Substring(3) + " s-" + legacy.Substring(3)));
        }

        private static byte[] Concat(byte[] first, byte[] second)
        {
            var result = new byte[first.Length + second.Length];
            first.CopyTo(result, 0);
            second.CopyTo(result, first.Length);
            return result;
        }
    }
}
