using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// Where a document's KL0007 diagnostics are made and go: the one place a constant credential
    /// becomes a diagnostic, whichever API it reaches (a client, a credential type, a header).
    /// </summary>
    /// <remarks>
    /// Not reported: empty strings (not credentials), whole keys (KL0001–KL0004 and KL0008 report
    /// them), placeholders in test code (<c>"fake-key"</c>: see <see cref="TestCode"/>). A span is reported once:
    /// nested sites (an <c>AzureKeyCredential</c> inside an <c>AzureOpenAIClient</c>) are analysed
    /// from both.
    /// </remarks>
    internal sealed class CredentialReport
    {
        public const string ServiceProperty = "CredentialService";
        public const string AzureService = "Azure";
        public const string OpenAIService = "OpenAI";

        private static readonly ImmutableDictionary<string, string?> s_openAIProperties = ImmutableDictionary<string, string?>.Empty.Add(ServiceProperty, OpenAIService);
        private static readonly ImmutableDictionary<string, string?> s_azureProperties = ImmutableDictionary<string, string?>.Empty.Add(ServiceProperty, AzureService);

        private readonly Action<Diagnostic> _report;
        private readonly bool _isTestCode;
        private HashSet<TextSpan>? _reported;

        /// <param name="isTestCode">True in test code (<see cref="TestCode"/>): only secret-looking constants are reported there.</param>
        public CredentialReport(Action<Diagnostic> report, bool isTestCode, CancellationToken cancellationToken)
        {
            _report = report;
            _isTestCode = isTestCode;
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        /// <summary>Reports <paramref name="value"/> when it is constant in fact (<see cref="ConstantCredentials"/>).</summary>
        /// <param name="what">The API the credential reaches, as the message names it: <c>ChatClient (apiKey)</c>.</param>
        /// <param name="isAzure">True for an Azure OpenAI credential: its fixes read the Azure names.</param>
        public void ReportIfConstant(IOperation value, string what, bool isAzure)
        {
            while (value is IConversionOperation conversion && conversion.IsImplicit)
            {
                value = conversion.Operand;
            }

            string? credential = ConstantCredentials.Value(value, CancellationToken);
            if (credential is not null)
            {
                Report(credential, value.Syntax.GetLocation(), what, isAzure);
            }
        }

        /// <summary>Reports the constant <paramref name="credential"/>, written at <paramref name="location"/>.</summary>
        public void Report(string credential, Location location, string what, bool isAzure)
        {
            if (credential.Trim().Length == 0
                || KeyScanner.ContainsKey(credential.AsSpan())
                || (_isTestCode && !CredentialShape.LooksLikeSecret(credential.AsSpan()))
                || !(_reported ??= new HashSet<TextSpan>()).Add(location.SourceSpan))
            {
                return;
            }

            _report(Diagnostic.Create(KeyLintDescriptors.KL0007_HardcodedCredential, location, isAzure ? s_azureProperties : s_openAIProperties, what));
        }
    }
}
