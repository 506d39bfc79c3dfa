using System;
using System.Collections.Immutable;
using System.Linq;
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
            OpenAIAssembly = compilation.GetTypeByMetadataName("OpenAI.OpenAIClient")?.ContainingAssembly;
            ApiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
            AzureKeyCredential = compilation.GetTypeByMetadataName("Azure.AzureKeyCredential");
            AzureOpenAIClient = compilation.GetTypeByMetadataName("Azure.AI.OpenAI.AzureOpenAIClient");
            // Betalgo.Ranul.OpenAI 9.x names it OpenAIOptions; earlier versions OpenAiOptions.
            BetalgoOptions = compilation.GetTypeByMetadataName("Betalgo.Ranul.OpenAI.OpenAIOptions")
                ?? compilation.GetTypeByMetadataName("Betalgo.Ranul.OpenAI.OpenAiOptions");
            HasSemanticKernelConnectors = compilation.ReferencedAssemblyNames.Any(a => IsSemanticKernelConnector(a.Name));
            AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            HttpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            ConstructorTypeNames = CredentialSites.ConstructorTypeNames(this);
            _constructorTypeNames = ConstructorTypeNames.ToArray();
            var triggers = ImmutableArray.CreateBuilder<string>();
            if (WatchesConstructors)
            {
                triggers.Add("Client");
                triggers.Add("Credential");
                triggers.AddRange(ConstructorTypeNames.Where(n => n.IndexOf("Client", StringComparison.Ordinal) < 0 && n.IndexOf("Credential", StringComparison.Ordinal) < 0));
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

        private readonly string[] _constructorTypeNames;

        /// <summary>The names of the types whose constructors take a watched credential.</summary>
        public ImmutableHashSet<string> ConstructorTypeNames { get; }

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

        /// <summary><c>new AuthenticationHeaderValue("Bearer", token)</c>: how code calls OpenAI's REST API without a client library.</summary>
        public INamedTypeSymbol? AuthenticationHeaderValue { get; }

        /// <summary><c>headers.Add("Authorization", "Bearer " + token)</c> and <c>TryAddWithoutValidation</c>.</summary>
        public INamedTypeSymbol? HttpHeaders { get; }

        public bool WatchesBearerTokens => AuthenticationHeaderValue is not null || HttpHeaders is not null;

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

        /// <summary>True for Azure OpenAI APIs: their fixes read <c>AZURE_OPENAI_API_KEY</c>.</summary>
        public bool IsAzure(ISymbol symbol)
            => symbol.ContainingAssembly?.Name.IndexOf("Azure", StringComparison.Ordinal) >= 0
                || SymbolEqualityComparer.Default.Equals(symbol.ContainingType, AzureKeyCredential);
    }
}
