using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// Keys in the files besides C# that a project commits or ships (<see cref="ProjectFileKind"/>):
    /// KL0006 with advice fitting the file, KL0009 for files under <c>wwwroot</c> and the markup of
    /// Razor files (served to browsers; a Razor comment is KL0005), KL0008 for an Azure key elsewhere
    /// (an Azure key has one rule wherever it is written). In YAML, base64-encoded keys (Kubernetes
    /// Secrets) too.
    /// </summary>
    /// <remarks>
    /// The files arrive as AdditionalFiles (the package's build/KeyLint.targets adds them; the Razor
    /// SDK adds .cshtml and .razor files); the analyzer never reads the disk. The kinds are decided
    /// twice on purpose: by the build files, which keep other files out of the compiler's inputs, and
    /// here, where a file added by hand is classified too; the package tests hold the two together. Each kind is turned off by its MSBuild property
    /// (<see cref="ProjectFileKinds.SwitchProperty"/>), which the analyzer reads too, so a file added
    /// by other means obeys it as well. A file is first read in chunks for a marker, allocating
    /// nothing; only a file holding one is scanned whole.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KeyInProjectFileAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// Chunks overlap by the longest marker's length, so that no marker is split (a whole key is
        /// never needed from the chunks: a file with a marker is scanned whole).
        /// </summary>
        private const int MarkerOverlap = 8;

        /// <summary>
        /// The <c>.editorconfig</c> option that stops KeyLint reading the files of a section
        /// (<c>[docs/examples/*.yml]</c>, <c>keylint.scan_file = false</c>): a JSON or YAML file has no
        /// <c>#pragma</c>, and the compiler applies no severity setting to a diagnostic in an additional file.
        /// </summary>
        public const string ScanFileOption = "keylint.scan_file";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            KeyLintDescriptors.KL0006_KeyInConfigurationFile,
            KeyLintDescriptors.KL0008_HardcodedAzureKey,
            KeyLintDescriptors.KL0009_KeyInWebAsset,
            KeyLintDescriptors.KL0005_KeyInCommentOrDisabledCode);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                bool[] switchedOn = SwitchesOf(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                start.RegisterAdditionalFileAction(file => AnalyzeFile(file, switchedOn));
            });
        }

        /// <summary>
        /// Which kinds are read, by <see cref="ProjectFileKind"/>: all but those whose MSBuild property
        /// (compiler-visible through the package's props) is <c>false</c>. Read once per compilation.
        /// </summary>
        private static bool[] SwitchesOf(AnalyzerConfigOptions globalOptions)
        {
            var switchedOn = new bool[(int)ProjectFileKind.RazorMarkup + 1];
            for (var kind = ProjectFileKind.Configuration; kind <= ProjectFileKind.RazorMarkup; kind++)
            {
                switchedOn[(int)kind] = !(globalOptions.TryGetValue("build_property." + ProjectFileKinds.SwitchProperty(kind), out string? value)
                    && value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase));
            }

            return switchedOn;
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, bool[] switchedOn)
        {
            string path = context.AdditionalFile.Path;
            ProjectFileKind kind = ProjectFileKinds.Classify(path);
            if (kind == ProjectFileKind.None || !switchedOn[(int)kind] || IsExcludedByOption(context))
            {
                return;
            }

            SourceText? text = context.AdditionalFile.GetText(context.CancellationToken);
            bool base64 = ProjectFileKinds.MayEncodeBase64(kind);
            if (text is null || !HasMarker(text, base64, context.CancellationToken))
            {
                return;
            }

            string content = text.ToString();
            var report = new FileReport(context, path, kind, text);
            if (kind == ProjectFileKind.RazorMarkup)
            {
                ReportKeysInRazorMarkup(context, report, path, text, content);
                return;
            }

            foreach (KeyMatch match in KeyScanner.Find(content.AsSpan()))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                report.Key(match, content.AsSpan(match.Start, match.Length), encoded: false);
            }

            if (base64)
            {
                Span<char> decoded = stackalloc char[Base64KeyScanner.MaxDecodedLength];
                foreach (KeyMatch match in Base64KeyScanner.Find(content.AsSpan()))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    int length = Base64KeyScanner.DecodeKey(content.AsSpan(match.Start, match.Length), decoded);
                    report.Key(match, decoded.Slice(0, length), encoded: true);
                }
            }
        }

        /// <summary>
        /// Keys in a Razor file outside the C# Razor copied from it (which KL0001–KL0008 report at
        /// their Razor line): in its markup, KL0009; in a comment the page never sends, KL0005 (KL0008
        /// for an Azure key). Nothing when the compilation holds no C# generated from the file.
        /// </summary>
        private static void ReportKeysInRazorMarkup(AdditionalFileAnalysisContext context, FileReport report, string path, SourceText text, string content)
        {
            List<TextSpan>? code = RazorMarkup.CSharpSpans(context.Compilation, path, text, context.CancellationToken);
            if (code is null)
            {
                return;
            }

            foreach (KeyMatch match in KeyScanner.Find(content.AsSpan()))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!code.Exists(span => span.Contains(match.Start)))
                {
                    report.KeyInRazor(match, content.AsSpan(match.Start, match.Length), RazorMarkup.IsInComment(content, match.Start, path));
                }
            }
        }

        private static bool IsExcludedByOption(AdditionalFileAnalysisContext context)
            => context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile).TryGetValue(ScanFileOption, out string? value)
                && KeySettingNames.TryParseBoolean(value, out bool scan)
                && !scan;

        /// <summary>One pass over the file in pooled chunks: is there a marker of a key (or of an encoded key) at all?</summary>
        private static bool HasMarker(SourceText text, bool base64, CancellationToken cancellationToken)
        {
            using var chunks = new TextChunks(text, MarkerOverlap);
            while (chunks.MoveNext(cancellationToken))
            {
                if (KeyScanner.ContainsMarker(chunks.Span) || (base64 && Base64KeyScanner.ContainsMarker(chunks.Span)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Where in a file a key is, as far as the rule goes.</summary>
        private enum Place
        {
            /// <summary>In a file committed with the project (KL0006, KL0008).</summary>
            Committed,

            /// <summary>In a file or markup sent to every visitor's browser (KL0009).</summary>
            Shipped,

            /// <summary>In a comment the page never sends (KL0005, KL0008).</summary>
            Comment,
        }

        /// <summary>Makes the diagnostics of one file: the rule, the place and the advice fit its kind.</summary>
        private readonly struct FileReport
        {
            private readonly AdditionalFileAnalysisContext _context;
            private readonly string _path;
            private readonly ProjectFileKind _kind;
            private readonly SourceText _text;
            private readonly string _place;

            public FileReport(AdditionalFileAnalysisContext context, string path, ProjectFileKind kind, SourceText text)
            {
                _context = context;
                _path = path;
                _kind = kind;
                _text = text;
                _place = ProjectFileKinds.Place(path, kind);
            }

            /// <summary>Reports <paramref name="key"/>, found at <paramref name="match"/> (its encoded run when <paramref name="encoded"/>).</summary>
            public void Key(KeyMatch match, ReadOnlySpan<char> key, bool encoded)
                => Report(match, key, _kind == ProjectFileKind.WebAsset ? Place.Shipped : Place.Committed, encoded ? _place + " (base64-encoded)" : _place);

            /// <summary>Reports a key of a Razor file's markup (KL0009), or of a comment in it the page never sends.</summary>
            public void KeyInRazor(KeyMatch match, ReadOnlySpan<char> key, bool inComment)
                => Report(match, key, inComment ? Place.Comment : Place.Shipped, inComment ? "a Razor comment" : "the markup of " + _place);

            /// <summary>
            /// Sent to browsers: KL0009, whoever issued the key. Otherwise an Azure key is KL0008 wherever it
            /// is; an OpenAI key in a comment KL0005, in a committed file KL0006 with the file's advice.
            /// </summary>
            private void Report(KeyMatch match, ReadOnlySpan<char> key, Place where, string place)
            {
                var span = new TextSpan(match.Start, match.Length);
                Location location = Location.Create(_path, span, _text.Lines.GetLinePositionSpan(span));
                string redacted = KeyRedactor.Redact(key, match.PrefixLength);
                _context.ReportDiagnostic(
                    where == Place.Shipped ? Diagnostic.Create(KeyLintDescriptors.KL0009_KeyInWebAsset, location, KeyName(match.Kind, key), redacted, place)
                    : match.Kind == KeyKind.Azure ? Diagnostic.Create(KeyLintDescriptors.KL0008_HardcodedAzureKey, location, KeyLocations.AzureKeyMessageArguments(key, redacted, "in " + place))
                    : where == Place.Comment ? Diagnostic.Create(KeyLintDescriptors.KL0005_KeyInCommentOrDisabledCode, location, KeyLintDescriptors.DisplayName(match.Kind), redacted, place)
                    : Diagnostic.Create(KeyLintDescriptors.KL0006_KeyInConfigurationFile, location, KeyLintDescriptors.DisplayName(match.Kind), redacted, place, ProjectFileKinds.Advice(_path, _kind)));
            }

            /// <summary>"OpenAI project key", "Azure OpenAI key": KL0009 names keys of both vendors.</summary>
            private static string KeyName(KeyKind kind, ReadOnlySpan<char> key)
                => kind == KeyKind.Azure ? AzureKeyFormat.ServiceName(key) + " key" : "OpenAI " + KeyLintDescriptors.DisplayName(kind);
        }
    }
}
