using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KeyLint.Scanning;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>The keys planted in samples/ are fake: each one is made by <see cref="FakeKeys"/> or <see cref="FakeAzureKeys"/>.</summary>
    public class SampleKeysTests
    {
        internal static string RepositoryRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "KeyLint.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("KeyLint.sln not found above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void EveryKeyInSamples_ShouldComeFromTheFakeKeyGenerator()
        {
            var generated = new HashSet<string>(Enumerable.Range(500, 100).SelectMany(seed => new[]
            {
                FakeKeys.Project(seed), FakeKeys.ProjectShort(seed), FakeKeys.ServiceAccount(seed), FakeKeys.Admin(seed),
                FakeKeys.LegacyUser(seed), FakeKeys.None(seed), FakeKeys.NamedService("my-service", seed), FakeAzureKeys.Create(seed),
            }));

            string samples = Path.Combine(RepositoryRoot(), "samples");
            var found = new List<string>();
            foreach (string file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            {
                string text = File.ReadAllText(file);
                foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
                {
                    found.Add(text.Substring(match.Start, match.Length));
                }
            }

            Assert.NotEmpty(found);
            Assert.All(found, key => Assert.True(generated.Contains(key), "a key in samples/ was not made by FakeKeys or FakeAzureKeys: " + KeyRedactor.Redact(key.AsSpan(), 8)));
        }
    }
}
