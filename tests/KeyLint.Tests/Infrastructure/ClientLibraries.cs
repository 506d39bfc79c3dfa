using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KeyLint.Tests
{
    /// <summary>
    /// The real assemblies of the OpenAI client libraries (OpenAI, Azure.AI.OpenAI, Semantic Kernel's
    /// connectors, Betalgo.Ranul.OpenAI) and their dependencies, from the test project's packages.
    /// </summary>
    internal static class ClientLibraries
    {
        private static readonly string[] Prefixes =
        {
            "OpenAI.", "System.ClientModel.", "Azure.", "Microsoft.SemanticKernel.", "Betalgo.", "Microsoft.Extensions.", "Microsoft.Bcl.",
        };

        public static readonly ImmutableArray<MetadataReference> References = Directory
            .EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Prefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)) || Path.GetFileName(path) == "OpenAI.dll")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

        /// <summary>
        /// <see cref="References"/> with the assemblies whose file names start with one of
        /// <paramref name="replaced"/> left out and <paramref name="paths"/> added instead: another
        /// version of a library, as a project on that version compiles against it.
        /// </summary>
        public static ImmutableArray<MetadataReference> Replacing(string[] replaced, params string[] paths)
            => References
                .Where(reference => !replaced.Any(name => (Path.GetFileName(((PortableExecutableReference)reference).FilePath) ?? string.Empty).StartsWith(name, StringComparison.Ordinal)))
                .Concat(paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
                .ToImmutableArray();
    }
}
