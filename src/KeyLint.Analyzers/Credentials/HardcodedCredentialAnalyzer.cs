using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0007: a string constant — a literal, a const, a <c>static readonly</c> field or a local
    /// assigned once from a constant — that reaches the credential of an OpenAI client library is a
    /// hardcoded credential, whatever its shape.
    /// </summary>
    /// <remarks>
    /// Watched: the constructors that take an API key (the OpenAI SDK's clients, Semantic Kernel's
    /// services, OpenAI-API-dotnet's <c>OpenAIAPI</c> and <c>APIAuthentication</c>, Azure.AI.OpenAI 1.x's
    /// <c>OpenAIClient</c>: <see cref="CredentialConstructors"/>), <c>ApiKeyCredential</c>,
    /// <c>AzureKeyCredential</c> given to an Azure OpenAI or Azure AI Inference client, the
    /// <c>Update</c> of both, Semantic Kernel's OpenAI and Azure OpenAI connector methods
    /// (<c>apiKey</c>), Betalgo's <c>OpenAIOptions.ApiKey</c>, and the HTTP headers that carry a key
    /// (<see cref="HeaderCredentials"/>). The types are
    /// resolved once per compilation; a compilation that references none of these libraries gets no
    /// callback for them. Text first: only the calls and assignments whose text names a watched API
    /// are bound (<see cref="CredentialSites"/>). Keys that KL0001–KL0004 and KL0008 already report are not reported again, and
    /// empty strings are not credentials (<see cref="CredentialReport"/>). Placeholders such as
    /// "your-api-key" are reported in product code, where they mark a code path that sends a constant
    /// credential; in test code only secret-looking constants are (<see cref="TestCode"/>).
    /// Generated code is analysed only where it is the C# of a Razor file (<see cref="RazorGeneratedCode"/>).
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(KeyLintDescriptors.KL0007_HardcodedCredential);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Of generated code, only the C# of Razor files: their @code, @functions and @{ } blocks are
            // the user's code, reported at the Razor line. Other generated code is left alone: its
            // constants are the generator's, not the user's.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                CredentialTargets targets = CredentialTargets.Resolve(start.Compilation);
                start.RegisterSemanticModelAction(c =>
                {
                    if (c.IsGeneratedCode && !RazorGeneratedCode.MapsToRazorFile(c.SemanticModel.SyntaxTree, c.CancellationToken))
                    {
                        return;
                    }

                    Analyze(c.SemanticModel, targets, new CredentialReport(c.ReportDiagnostic, c.Options, c.SemanticModel.SyntaxTree, targets.ReferencesTestFramework, c.CancellationToken));
                });
            });
        }

        /// <summary>
        /// Every diagnostic of this analyzer in one document, without a driver (see
        /// <see cref="HardcodedOpenAIKeyAnalyzer.AnalyzeDocument"/>).
        /// </summary>
        internal static void AnalyzeDocument(SemanticModel model, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            CredentialTargets targets = CredentialTargets.Resolve(model.Compilation);
            Analyze(model, targets, new CredentialReport(report, options, model.SyntaxTree, targets.ReferencesTestFramework, cancellationToken));
        }

        private static void Analyze(SemanticModel model, CredentialTargets targets, CredentialReport report)
        {
            // Text first: only files that spell "Bearer" or "api-key" are looked at further, and the
            // HTTP types are resolved only when such a literal passes the syntax checks.
            HeaderCredentials.Analyze(model, targets, report);
            if (!targets.IsEmpty)
            {
                // Text first too: no operation actions, which would make the driver build the
                // operation tree of every method body in the compilation (a large share of the
                // build's analysis time). Only the calls that name a watched API are bound.
                AnalyzeCredentialSites(model, targets, report);
            }
        }

        private static void AnalyzeCredentialSites(SemanticModel model, CredentialTargets targets, CredentialReport report)
        {
            List<SyntaxNode>? sites = CredentialSites.Find(model.SyntaxTree, targets, report.CancellationToken);
            if (sites is null)
            {
                return;
            }

            foreach (SyntaxNode site in sites)
            {
                if (IsSurelyNotConstant(site, targets))
                {
                    continue;
                }

                IOperation? root = model.GetOperation(site, report.CancellationToken);
                if (root is null)
                {
                    continue;
                }

                foreach (IOperation operation in root.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IObjectCreationOperation creation when targets.WatchesConstructors:
                            AnalyzeObjectCreation(creation, targets, report);
                            break;
                        case IInvocationOperation invocation when targets.WatchesInvocations:
                            AnalyzeInvocation(invocation, targets, report);
                            break;
                        case ISimpleAssignmentOperation assignment when targets.WatchesAssignments:
                            AnalyzeAssignment(assignment, targets, report);
                            break;
                    }
                }
            }
        }

        /// <summary>
        /// A site whose credential cannot be a constant (<c>new ApiKeyCredential(apiKey)</c> with a
        /// parameter, <c>new ChatClient("gpt-4o", credential)</c> with a credential object): not bound
        /// at all. For a watched type, only the positions where one of its constructors takes a
        /// string credential count; with named arguments or an initializer, the site is bound.
        /// </summary>
        private static bool IsSurelyNotConstant(SyntaxNode site, CredentialTargets targets)
        {
            switch (site)
            {
                case BaseObjectCreationExpressionSyntax creation when creation.Initializer is null:
                    ImmutableArray<int> positions = creation is ObjectCreationExpressionSyntax { Type: var type } && RightmostName(type) is string name
                        ? targets.CredentialPositions(name)
                        : default;
                    if (positions.IsDefault || creation.ArgumentList is null || creation.ArgumentList.Arguments.Any(a => a.NameColon is not null))
                    {
                        return NonConstantSyntax.AreSurelyNotConstant(creation.ArgumentList);
                    }

                    SeparatedSyntaxList<ArgumentSyntax> arguments = creation.ArgumentList.Arguments;
                    return positions.All(p => p >= arguments.Count || NonConstantSyntax.IsSurelyNotConstant(arguments[p].Expression));
                case InvocationExpressionSyntax invocation:
                    return NonConstantSyntax.AreSurelyNotConstant(invocation.ArgumentList);
                case AssignmentExpressionSyntax assignment:
                    return NonConstantSyntax.IsSurelyNotConstant(assignment.Right);
                default:
                    return false;
            }
        }

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        private static void AnalyzeObjectCreation(IObjectCreationOperation creation, CredentialTargets targets, CredentialReport report)
        {
            if (creation.Constructor?.ContainingType is not INamedTypeSymbol type)
            {
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(type, targets.ApiKeyCredential) || SymbolEqualityComparer.Default.Equals(type, targets.AzureKeyCredential))
            {
                CredentialObjects.AnalyzeCreation(creation, type, targets, report);
            }
            else if (targets.TakesApiKey(type, out bool isAzure))
            {
                foreach (IArgumentOperation argument in creation.Arguments)
                {
                    if (argument.Parameter is IParameterSymbol parameter && CredentialConstructors.IsCredentialParameter(parameter))
                    {
                        report.ReportIfConstant(StringBehindConversion(argument.Value), $"{type.Name} ({parameter.Name})", isAzure);
                    }
                }
            }
        }

        private static void AnalyzeInvocation(IInvocationOperation invocation, CredentialTargets targets, CredentialReport report)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (method.Name == "Update" && invocation.Instance is IOperation credential)
            {
                CredentialObjects.AnalyzeUpdate(invocation, credential, targets, report);
            }
            else if (CredentialTargets.IsSemanticKernelConnector(method.ContainingAssembly?.Name ?? string.Empty))
            {
                ReportConstantArgument(report, invocation.Arguments, "apiKey", method.Name, CredentialTargets.IsAzure(method));
            }
        }

        /// <summary>
        /// The string a credential parameter of another type was converted from:
        /// <c>new OpenAIAPI("…")</c> passes its key through <c>APIAuthentication</c>'s implicit
        /// conversion from string, or an explicit cast to it.
        /// </summary>
        private static IOperation StringBehindConversion(IOperation value)
        {
            while (value is IConversionOperation { OperatorMethod: not null } conversion && conversion.Operand.Type?.SpecialType == SpecialType.System_String)
            {
                value = conversion.Operand;
            }

            return value;
        }

        private static void AnalyzeAssignment(ISimpleAssignmentOperation assignment, CredentialTargets targets, CredentialReport report)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "ApiKey" } property }
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, targets.BetalgoOptions))
            {
                report.ReportIfConstant(assignment.Value, property.ContainingType.Name + ".ApiKey", isAzure: false);
            }
        }

        private static void ReportConstantArgument(CredentialReport report, ImmutableArray<IArgumentOperation> arguments, string parameterName, string apiName, bool isAzure)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { Name: var name, Type.SpecialType: SpecialType.System_String } && name == parameterName)
                {
                    report.ReportIfConstant(argument.Value, $"{apiName} ({parameterName})", isAzure);
                }
            }
        }
    }
}
