using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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
        private readonly AnalyzerOptions _options;
        private readonly SyntaxTree _tree;
        private readonly bool _referencesTestFramework;
        private bool? _isTestCode;
        private HashSet<TextSpan>? _reported;

        /// <param name="options">With <paramref name="tree"/> and <paramref name="referencesTestFramework"/>, whether the file is test code
        /// (<see cref="TestCode"/>), where only secret-looking constants are reported; asked at the first constant only.</param>
        public CredentialReport(Action<Diagnostic> report, AnalyzerOptions options, SyntaxTree tree, bool referencesTestFramework, CancellationToken cancellationToken)
        {
            _report = report;
            _options = options;
            _tree = tree;
            _referencesTestFramework = referencesTestFramework;
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        /// <summary>Reports <paramref name="value"/> when it is constant in fact (<see cref="ConstantCredentials"/>).</summary>
        /// <param name="what">The API the credential reaches, as the message names it: <c>ChatClient (apiKey)</c>.</param>
        /// <param name="isAzure">True for an Azure OpenAI credential: its fixes read the Azure names.</param>
        public void ReportIfConstant(IOperation value, string what, bool isAzure)
        {
            if (Reportable(value, out IOperation written) is string credential)
            {
                Report(credential, written.Syntax.GetLocation(), what, isAzure);
            }
        }

        /// <summary>
        /// The constant <paramref name="value"/> holds when this report would report it, else null:
        /// callers with more work to do before reporting (finding the client a credential object is
        /// given to) ask first. <paramref name="written"/> is the value without its implicit conversions.
        /// </summary>
        public string? Reportable(IOperation value, out IOperation written)
        {
            while (value is IConversionOperation conversion && conversion.IsImplicit)
            {
                value = conversion.Operand;
            }

            written = value;
            string? credential = ConstantCredentials.Value(value, CancellationToken);
            return credential is not null && IsReportable(credential) ? credential : null;
        }

        /// <summary>Reports the constant <paramref name="credential"/>, written at <paramref name="location"/>.</summary>
        public void Report(string credential, Location location, string what, bool isAzure)
        {
            if (!IsReportable(credential) || !(_reported ??= new HashSet<TextSpan>()).Add(location.SourceSpan))
            {
                return;
            }

            _report(Diagnostic.Create(KeyLintDescriptors.KL0007_HardcodedCredential, location, isAzure ? s_azureProperties : s_openAIProperties, what));
        }

        private bool IsReportable(string credential)
            => credential.Trim().Length > 0
                && !KeyScanner.ContainsKey(credential.AsSpan())
                && (!IsTestCode || CredentialShape.LooksLikeSecret(credential.AsSpan()));

        private bool IsTestCode => _isTestCode ??= TestCode.Contains(_options, _tree, _referencesTestFramework);
    }
}
