using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace KeyLint.Tests
{
    /// <summary>
    /// Azure.AI.OpenAI 2.1.0 (the current stable release) and the OpenAI 2.1.0 it was built on, in
    /// place of the versions the other tests use (Semantic Kernel 1.82 pulls Azure.AI.OpenAI
    /// 2.9.0-beta.1 and OpenAI 2.15.0 in): a project on the stable Azure package compiles against these.
    /// </summary>
    internal static class AzureOpenAI21Libraries
    {
        /// <summary>Downloaded by the test project, never referenced: copied to this folder of the output.</summary>
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "AzureOpenAI21");

        /// <summary>The assemblies these replace, and those built on them.</summary>
        private static readonly string[] Replaced = { "OpenAI.dll", "Azure.AI.OpenAI.dll", "Microsoft.SemanticKernel.", "Microsoft.Extensions.AI", "Betalgo." };

        public static readonly ImmutableArray<MetadataReference> References = ClientLibraries.Replacing(
            Replaced, Path.Combine(Folder, "OpenAI.dll"), Path.Combine(Folder, "Azure.AI.OpenAI.dll"));

        /// <summary>The version of the Azure.AI.OpenAI assembly in <see cref="References"/>, for the test to pin.</summary>
        public static Version AzureOpenAIVersion => System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(Folder, "Azure.AI.OpenAI.dll")).Version!;
    }
}
