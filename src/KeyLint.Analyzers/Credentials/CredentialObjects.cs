using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0007 for the credential objects: <c>new ApiKeyCredential(key)</c>,
    /// <c>new AzureKeyCredential(key)</c> and their <c>Update(key)</c>. The client the object is given
    /// to (<see cref="CredentialRecipients"/>) says whose credential it is: an <c>ApiKeyCredential</c>
    /// is reported wherever it is, as Azure OpenAI's where an Azure client takes it; an
    /// <c>AzureKeyCredential</c> serves every Azure service, and is reported only where an Azure
    /// OpenAI or Azure AI Inference client takes it.
    /// </summary>
    internal static class CredentialObjects
    {
        /// <summary><paramref name="type"/> is <see cref="CredentialTargets.ApiKeyCredential"/> or <see cref="CredentialTargets.AzureKeyCredential"/>.</summary>
        public static void AnalyzeCreation(IObjectCreationOperation creation, INamedTypeSymbol type, CredentialTargets targets, CredentialReport report)
        {
            // The client is searched for only when the key is constant: the search binds other calls.
            if (ConstantKey(creation.Arguments, report) is not { } key)
            {
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(type, targets.ApiKeyCredential))
            {
                bool isAzure = !targets.AzureClients.IsEmpty && CredentialRecipients.ClientOf(creation, targets.AzureClients, report.CancellationToken) is not null;
                Report(report, key, "ApiKeyCredential (key)", isAzure);
            }
            else if (targets.WatchesAzureKeyCredential
                && CredentialRecipients.ClientOf(creation, targets.AzureClients, report.CancellationToken) is INamedTypeSymbol client)
            {
                Report(report, key, $"AzureKeyCredential for {client.Name} (key)", isAzure: true);
            }
        }

        /// <summary><c>credential.Update("…")</c>: a rotated credential that is a constant all the same.</summary>
        public static void AnalyzeUpdate(IInvocationOperation invocation, IOperation credential, CredentialTargets targets, CredentialReport report)
        {
            // The credential's own type decides, not the method's: Azure.Core's AzureKeyCredential
            // derives from ApiKeyCredential and inherits its Update.
            INamedTypeSymbol? declaring = invocation.TargetMethod.ContainingType;
            bool isAzureKeyCredential = CredentialTargets.IsOrDerivesFrom(credential.Type, targets.AzureKeyCredential);
            bool isApiKeyCredential = !isAzureKeyCredential && CredentialTargets.IsOrDerivesFrom(credential.Type, targets.ApiKeyCredential);
            if (!isAzureKeyCredential && !isApiKeyCredential
                || !SymbolEqualityComparer.Default.Equals(declaring, targets.AzureKeyCredential) && !SymbolEqualityComparer.Default.Equals(declaring, targets.ApiKeyCredential)
                || ConstantKey(invocation.Arguments, report) is not { } key)
            {
                return;
            }

            INamedTypeSymbol? client = targets.AzureClients.IsEmpty ? null : CredentialRecipients.ClientOfHolder(credential, targets.AzureClients, report.CancellationToken);
            if (isApiKeyCredential)
            {
                Report(report, key, "ApiKeyCredential.Update (key)", isAzure: client is not null);
            }
            else if (client is not null)
            {
                Report(report, key, $"AzureKeyCredential.Update for {client.Name} (key)", isAzure: true);
            }
        }

        /// <summary>
        /// The string argument <c>key</c> when the report would report it (constant, and in test code
        /// secret-looking), else null: the client is searched for only then.
        /// </summary>
        private static (string Credential, IOperation Written)? ConstantKey(ImmutableArray<IArgumentOperation> arguments, CredentialReport report)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { Name: "key", Type.SpecialType: SpecialType.System_String })
                {
                    return report.Reportable(argument.Value, out IOperation written) is string credential ? (credential, written) : null;
                }
            }

            return null;
        }

        private static void Report(CredentialReport report, (string Credential, IOperation Written) key, string what, bool isAzure)
            => report.Report(key.Credential, key.Written.Syntax.GetLocation(), what, isAzure);
    }
}
