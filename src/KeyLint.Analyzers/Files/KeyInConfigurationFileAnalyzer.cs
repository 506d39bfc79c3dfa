using System;
using System.Collections.Immutable;
using System.IO;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0006: OpenAI keys in <c>appsettings*.json</c>, <c>launchSettings.json</c> and <c>.env</c> files;
    /// KL0008 for identifiable Azure AI services keys in the same files (an Azure key has one rule
    /// wherever it is written).
    /// </summary>
    /// <remarks>
    /// The files arrive as AdditionalFiles (the package's build/KeyLint.targets adds them; set
    /// <c>KeyLintScanConfigurationFiles</c> to false to stop it). The analyzer never reads the disk.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KeyInConfigurationFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            KeyLintDescriptors.KL0006_KeyInConfigurationFile,
            KeyLintDescriptors.KL0008_HardcodedAzureKey);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        /// <summary>True for the configuration files KL0006 looks at, by file name.</summary>
        public static bool IsConfigurationFile(string path)
        {
            string name = Path.GetFileName(path);
            return (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                || name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase)
                || name.Equals(".env", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            string path = context.AdditionalFile.Path;
            if (!IsConfigurationFile(path))
            {
                return;
            }

            SourceText? text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null || text.Length == 0)
            {
                return;
            }

            // Configuration files are small; the whole text is scanned in one pass.
            string content = text.ToString();
            if (!KeyScanner.ContainsMarker(content.AsSpan()))
            {
                return;
            }

            string fileName = Path.GetFileName(path);
            foreach (KeyMatch match in KeyScanner.Find(content.AsSpan()))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var span = new TextSpan(match.Start, match.Length);
                Location location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                ReadOnlySpan<char> key = content.AsSpan(match.Start, match.Length);
                string redacted = KeyRedactor.Redact(key, match.PrefixLength);
                context.ReportDiagnostic(match.Kind == KeyKind.Azure
                    ? Diagnostic.Create(
                        KeyLintDescriptors.KL0008_HardcodedAzureKey,
                        location,
                        KeyLocations.AzureKeyMessageArguments(key, redacted, "in " + fileName))
                    : Diagnostic.Create(
                        KeyLintDescriptors.KL0006_KeyInConfigurationFile,
                        location,
                        KeyLintDescriptors.DisplayName(match.Kind),
                        redacted,
                        fileName));
            }
        }
    }
}
