using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace KeyLint.Tests
{
    /// <summary>
    /// The older client libraries whose package ids the current ones took over: OpenAI 1.11.0 (the
    /// community OpenAI-API-dotnet library, assembly OpenAI_API) and Azure.AI.OpenAI 1.0.0-beta.6.
    /// A test source compiled with these references gets them instead of the current OpenAI and
    /// Azure.AI.OpenAI assemblies, and without the libraries built on those, as a project on the old
    /// packages would.
    /// </summary>
    internal static class OlderClientLibraries
    {
        /// <summary>Downloaded by the test project, never referenced: copied to this folder of the output.</summary>
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OlderClientLibraries");

        /// <summary>The current assemblies these replace, and those built on them.</summary>
        private static readonly string[] Replaced = { "OpenAI.dll", "Azure.AI.OpenAI.dll", "Azure.AI.Inference.dll", "Microsoft.SemanticKernel.", "Microsoft.Extensions.AI", "Betalgo." };

        /// <summary>The old assemblies, their dependencies (Azure.Core, Newtonsoft.Json, Microsoft.Extensions.Http) and the other client references.</summary>
        public static readonly ImmutableArray<MetadataReference> References = ClientLibraries.Replacing(
            Replaced,
            Path.Combine(AppContext.BaseDirectory, "Newtonsoft.Json.dll"),
            Path.Combine(Folder, "OpenAI_API.dll"),
            Path.Combine(Folder, "Azure.AI.OpenAI.dll"));
    }
}
