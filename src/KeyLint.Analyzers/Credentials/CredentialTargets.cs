using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// The OpenAI client APIs whose credential KL0007 watches, resolved once per compilation.
    /// Every member is null when its library is not referenced; <see cref="IsEmpty"/> then tells the
    /// analyzer to register nothing at all.
    /// </summary>
    internal sealed class CredentialTargets
    {
        private CredentialTargets(Compilation compilation)
        {
            // A type lookup searches every reference, and this runs for every new compilation (in the
            // IDE, every edit): look a library's types up only when an assembly of its name is
            // referenced — most compilations reference none of them.
            var referenced = new HashSet<string>(compilation.ReferencedAssemblyNames.Select(a => a.Name), StringComparer.Ordinal);
            INamedTypeSymbol? TypeFrom(string assembly, string metadataName)
                => referenced.Contains(assembly) ? compilation.GetTypeByMetadataName(metadataName) : null;

            OpenAIAssembly = TypeFrom("OpenAI", "OpenAI.OpenAIClient")?.ContainingAssembly;
            ApiKeyCredential = TypeFrom("System.ClientModel", "System.ClientModel.ApiKeyCredential");
            AzureOpenAIClient = TypeFrom("Azure.AI.OpenAI", "Azure.AI.OpenAI.AzureOpenAIClient");
            AzureKeyCredential = AzureOpenAIClient is null ? null : compilation.GetTypeByMetadataName("Azure.AzureKeyCredential");
            // Betalgo.Ranul.OpenAI 9.x names it OpenAIOptions; earlier versions OpenAiOptions.
            BetalgoOptions = TypeFrom("Betalgo.Ranul.OpenAI", "Betalgo.Ranul.OpenAI.OpenAIOptions")
                ?? TypeFrom("Betalgo.Ranul.OpenAI", "Betalgo.Ranul.OpenAI.OpenAiOptions");
            HasSemanticKernelConnectors = referenced.Any(IsSemanticKernelConnector);

            // The HTTP types live in System.Net.Http, netstandard or the framework, depending on the
            // target: they are looked up the first time a "Bearer" literal passes the syntax checks.
            _httpTypes = new Lazy<(INamedTypeSymbol?, INamedTypeSymbol?)>(
                () => (compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue"), compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders")),
                LazyThreadSafetyMode.ExecutionAndPublication);
            _credentialPositions = CredentialSites.CredentialPositions(this);
            _constructorTypeNames = _credentialPositions.Keys.ToArray();
            var triggers = ImmutableArray.CreateBuilder<string>();
            if (WatchesConstructors)
            {
                triggers.Add("Client");
                triggers.Add("Credential");
                triggers.AddRange(_constructorTypeNames.Where(n => n.IndexOf("Client", StringComparison.Ordinal) < 0 && n.IndexOf("Credential", StringComparison.Ordinal) < 0));
            }

            if (WatchesInvocations)
            {
                triggers.Add(SemanticKernelMethodWord);
            }

            if (WatchesAssignments)
            {
                triggers.Add(ApiKeyProperty);
            }

            TextTriggers = triggers.ToImmutable();
        }

        /// <summary>Every Semantic Kernel connector method that takes an API key names OpenAI (<c>AddOpenAIChatCompletion</c>, <c>AddAzureOpenAI…</c>).</summary>
        private const string SemanticKernelMethodWord = "OpenAI";

        private const string ApiKeyProperty = "ApiKey";

        /// <summary>The watched constructors, by type name, with their string-credential argument positions.</summary>
        private readonly ImmutableDictionary<string, ImmutableArray<int>> _credentialPositions;

        /// <summary>The keys of <see cref="_credentialPositions"/>, for lookups by span (no string made).</summary>
        private readonly string[] _constructorTypeNames;

        /// <summary>
        /// The argument positions at which some constructor of a watched type called
        /// <paramref name="typeName"/> takes a string credential; default when the name is unknown.
        /// </summary>
        public ImmutableArray<int> CredentialPositions(string typeName)
            => _credentialPositions.TryGetValue(typeName, out ImmutableArray<int> positions) ? positions : default;

        /// <summary>The texts a file must contain to hold a watched call (searched for first, vectorised).</summary>
        public ImmutableArray<string> TextTriggers { get; }

        /// <summary>Whether an identifier may name a watched API (the semantic model decides for sure).</summary>
        public bool IsWatchedName(ReadOnlySpan<char> name)
        {
            if (WatchesInvocations && name.IndexOf(SemanticKernelMethodWord.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            if (WatchesAssignments && name.SequenceEqual(ApiKeyProperty.AsSpan()))
            {
                return true;
            }

            if (WatchesConstructors)
            {
                // A dozen names at most; no string is made for the lookup.
                foreach (string typeName in _constructorTypeNames)
                {
                    if (name.SequenceEqual(typeName.AsSpan()))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private readonly Lazy<(INamedTypeSymbol? AuthenticationHeaderValue, INamedTypeSymbol? HttpHeaders)> _httpTypes;

        /// <summary><c>new AuthenticationHeaderValue("Bearer", token)</c>: how code calls OpenAI's REST API without a client library.</summary>
        public INamedTypeSymbol? AuthenticationHeaderValue => _httpTypes.Value.AuthenticationHeaderValue;

        /// <summary><c>headers.Add("Authorization", "Bearer " + token)</c> and <c>TryAddWithoutValidation</c>.</summary>
        public INamedTypeSymbol? HttpHeaders => _httpTypes.Value.HttpHeaders;

        /// <summary>The OpenAI .NET SDK (package OpenAI 2.x): every <c>…Client</c> constructor's <c>apiKey</c>.</summary>
        public IAssemblySymbol? OpenAIAssembly { get; }

        /// <summary><c>new ApiKeyCredential(key)</c> (System.ClientModel), which OpenAI 2.x clients take.</summary>
        public INamedTypeSymbol? ApiKeyCredential { get; }

        /// <summary><c>new AzureKeyCredential(key)</c> (Azure.Core), watched where it is passed to <see cref="AzureOpenAIClient"/>.</summary>
        public INamedTypeSymbol? AzureKeyCredential { get; }

        public INamedTypeSymbol? AzureOpenAIClient { get; }

        /// <summary>Betalgo.Ranul.OpenAI: <c>OpenAIOptions.ApiKey = …</c>.</summary>
        public INamedTypeSymbol? BetalgoOptions { get; }

        /// <summary>Semantic Kernel's OpenAI and Azure OpenAI connectors: the <c>apiKey</c> of their builder methods.</summary>
        public bool HasSemanticKernelConnectors { get; }

        public bool WatchesConstructors => OpenAIAssembly is not null || ApiKeyCredential is not null || (AzureKeyCredential is not null && AzureOpenAIClient is not null);

        public bool WatchesInvocations => HasSemanticKernelConnectors;

        public bool WatchesAssignments => BetalgoOptions is not null;

        /// <summary>True when no client library is referenced (bearer tokens are looked for text-first either way).</summary>
        public bool IsEmpty => !WatchesConstructors && !WatchesInvocations && !WatchesAssignments;

        public static CredentialTargets Resolve(Compilation compilation) => new CredentialTargets(compilation);

        public static bool IsSemanticKernelConnector(string assemblyName)
            => assemblyName.StartsWith("Microsoft.SemanticKernel.Connectors.OpenAI", StringComparison.Ordinal)
                || assemblyName.StartsWith("Microsoft.SemanticKernel.Connectors.AzureOpenAI", StringComparison.Ordinal);

        /// <summary>True for an API of an Azure OpenAI library (Azure.AI.OpenAI, Semantic Kernel's Azure OpenAI connector): its fixes read <c>AZURE_OPENAI_API_KEY</c>.</summary>
        public static bool IsAzure(ISymbol symbol)
            => symbol.ContainingAssembly?.Name.IndexOf("Azure", StringComparison.Ordinal) >= 0;
    }
}
