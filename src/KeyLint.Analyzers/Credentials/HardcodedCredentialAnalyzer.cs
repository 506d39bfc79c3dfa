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
    /// Watched: the OpenAI SDK's client constructors (<c>apiKey</c>), <c>ApiKeyCredential</c>,
    /// <c>AzureKeyCredential</c> passed to <c>AzureOpenAIClient</c>, Semantic Kernel's OpenAI and Azure
    /// OpenAI connector methods (<c>apiKey</c>), and Betalgo's <c>OpenAIOptions.ApiKey</c>. The types are
    /// resolved once per compilation; a compilation that references none of these libraries gets no
    /// callback for them. Text first: only the calls and assignments whose text names a watched API
    /// are bound (<see cref="CredentialSites"/>). Keys that KL0001–KL0004 already report are not reported again, and empty
    /// strings are not credentials. Placeholders such as "your-api-key" are reported: they mark a
    /// code path that sends a constant credential.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        public const string ServiceProperty = "CredentialService";
        public const string AzureService = "Azure";
        public const string OpenAIService = "OpenAI";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(KeyLintDescriptors.KL0007_HardcodedCredential);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                CredentialTargets targets = CredentialTargets.Resolve(start.Compilation);
                // Text first: only files that spell "Bearer" are looked at further, and the HTTP
                // types are resolved only when a "Bearer" literal passes the syntax checks.
                start.RegisterSemanticModelAction(c => BearerTokens.Analyze(c, targets));

                if (!targets.IsEmpty)
                {
                    // Text first too: no operation actions, which would make the driver build the
                    // operation tree of every method body in the compilation (a large share of the
                    // build's analysis time). Only the calls that name a watched API are bound.
                    start.RegisterSemanticModelAction(c => AnalyzeCredentialSites(c, targets));
                }
            });
        }

        /// <summary>
        /// Every diagnostic of this analyzer in one document, without a driver (see
        /// <see cref="HardcodedOpenAIKeyAnalyzer.AnalyzeDocument"/>).
        /// </summary>
        internal static void AnalyzeDocument(SemanticModel model, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            CredentialTargets targets = CredentialTargets.Resolve(model.Compilation);
            Func<Diagnostic, bool> isSupported = _ => true;
#pragma warning disable CS0618 // The shorter constructor is the one Roslyn 4.8 has for every host.
            var context = new SemanticModelAnalysisContext(model, options, report, isSupported, cancellationToken);
#pragma warning restore CS0618
            BearerTokens.Analyze(context, targets);
            if (!targets.IsEmpty)
            {
                AnalyzeCredentialSites(context, targets);
            }
        }

        private static void AnalyzeCredentialSites(SemanticModelAnalysisContext context, CredentialTargets targets)
        {
            List<SyntaxNode>? sites = CredentialSites.Find(context.SemanticModel.SyntaxTree, targets, context.CancellationToken);
            if (sites is null)
            {
                return;
            }

            var reported = new HashSet<TextSpan>();
            var report = new CredentialReport(
                diagnostic =>
                {
                    // Nested sites (an AzureKeyCredential inside an AzureOpenAIClient) are analysed from both.
                    if (reported.Add(diagnostic.Location.SourceSpan))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                },
                context.CancellationToken);
            foreach (SyntaxNode site in sites)
            {
                if (IsSurelyNotConstant(site, targets))
                {
                    continue;
                }

                IOperation? root = context.SemanticModel.GetOperation(site, context.CancellationToken);
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
                            AnalyzeInvocation(invocation, report);
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

        /// <summary>Where a site's diagnostics go.</summary>
        private readonly struct CredentialReport
        {
            public CredentialReport(Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                Report = report;
                CancellationToken = cancellationToken;
            }

            public Action<Diagnostic> Report { get; }

            public CancellationToken CancellationToken { get; }
        }

        private static void AnalyzeObjectCreation(IObjectCreationOperation creation, CredentialTargets targets, CredentialReport context)
        {
            IMethodSymbol? constructor = creation.Constructor;
            INamedTypeSymbol? type = constructor?.ContainingType;
            if (constructor is null || type is null)
            {
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(type, targets.ApiKeyCredential))
            {
                // The credential serves OpenAI and Azure OpenAI alike: the client it is given to says which.
                ReportConstantArgument(context, creation.Arguments, "key", "ApiKeyCredential", IsArgumentOf(creation, targets.AzureOpenAIClient) ? AzureService : OpenAIService);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, targets.AzureKeyCredential))
            {
                // AzureKeyCredential serves every Azure service: only the one given to AzureOpenAIClient is an OpenAI credential.
                if (IsArgumentOf(creation, targets.AzureOpenAIClient))
                {
                    ReportConstantArgument(context, creation.Arguments, "key", "AzureKeyCredential for AzureOpenAIClient", AzureService);
                }
            }
            else if (targets.OpenAIAssembly is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, targets.OpenAIAssembly))
            {
                ReportConstantArgument(context, creation.Arguments, "apiKey", type.Name, OpenAIService);
            }
        }

        private static void AnalyzeInvocation(IInvocationOperation invocation, CredentialReport context)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (!CredentialTargets.IsSemanticKernelConnector(method.ContainingAssembly?.Name ?? string.Empty))
            {
                return;
            }

            bool isAzure = method.ContainingAssembly!.Name.IndexOf("Azure", StringComparison.Ordinal) >= 0;
            ReportConstantArgument(context, invocation.Arguments, "apiKey", method.Name, isAzure ? AzureService : OpenAIService);
        }

        private static void AnalyzeAssignment(ISimpleAssignmentOperation assignment, CredentialTargets targets, CredentialReport context)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "ApiKey" } property }
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, targets.BetalgoOptions))
            {
                ReportIfConstant(context, assignment.Value, property.ContainingType.Name + ".ApiKey", OpenAIService);
            }
        }

        private static bool IsArgumentOf(IOperation operation, INamedTypeSymbol? type)
        {
            IOperation? parent = operation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return type is not null
                && parent is IArgumentOperation { Parent: IObjectCreationOperation { Type: INamedTypeSymbol created } }
                && SymbolEqualityComparer.Default.Equals(created, type);
        }

        private static void ReportConstantArgument(CredentialReport context, ImmutableArray<IArgumentOperation> arguments, string parameterName, string apiName, string service)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { Name: var name, Type.SpecialType: SpecialType.System_String } && name == parameterName)
                {
                    ReportIfConstant(context, argument.Value, $"{apiName} ({parameterName})", service);
                }
            }
        }

        private static void ReportIfConstant(CredentialReport context, IOperation value, string what, string service)
        {
            Diagnostic? diagnostic = CreateIfConstant(value, what, service, context.CancellationToken);
            if (diagnostic is not null)
            {
                context.Report(diagnostic);
            }
        }

        internal static Diagnostic? CreateIfConstant(IOperation value, string what, string service, CancellationToken cancellationToken)
        {
            while (value is IConversionOperation conversion && conversion.IsImplicit)
            {
                value = conversion.Operand;
            }

            string? constant = ConstantCredential(value, cancellationToken);
            if (constant is null || constant.Trim().Length == 0 || KeyScanner.ContainsKey(constant.AsSpan()))
            {
                // Empty strings are not credentials; whole OpenAI keys are KL0001–KL0004's to report.
                return null;
            }

            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty.Add(ServiceProperty, service);
            return Diagnostic.Create(KeyLintDescriptors.KL0007_HardcodedCredential, value.Syntax.GetLocation(), properties, what);
        }

        /// <summary>
        /// The value of a string that is constant in fact: a compile-time constant, a static readonly
        /// field initialised from one and never assigned in a constructor, or a local initialised from
        /// one and never assigned again.
        /// </summary>
        internal static string? ConstantCredential(IOperation value, CancellationToken cancellationToken)
        {
            if (value.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant;
            }

            switch (value)
            {
                case ILocalReferenceOperation { Local: { IsConst: false, Type.SpecialType: SpecialType.System_String } local }:
                    return LocalAssignedOnceFromConstant(local, value, cancellationToken);
                case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String } field }:
                    return StaticReadonlyFromConstant(field, cancellationToken);
                default:
                    return null;
            }
        }

        private static string? LocalAssignedOnceFromConstant(ILocalSymbol local, IOperation reference, CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: ExpressionSyntax initializer } declarator
                || reference.SemanticModel is not SemanticModel model
                || declarator.SyntaxTree != model.SyntaxTree
                || model.GetConstantValue(initializer, cancellationToken) is not { HasValue: true, Value: string value })
            {
                return null;
            }

            SyntaxNode? scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
            return scope is null || IsWrittenAgain(scope, local.Name, declarator, model, local, cancellationToken) ? null : value;
        }

        private static string? StaticReadonlyFromConstant(IFieldSymbol field, CancellationToken cancellationToken)
        {
            // Without a semantic model for the declaring file, only literal initialisers count.
            if (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: ExpressionSyntax initializer } declarator
                || LiteralValue(initializer) is not string value
                || declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not TypeDeclarationSyntax type)
            {
                return null;
            }

            // A static constructor may assign it again.
            foreach (ConstructorDeclarationSyntax constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => NameOf(a.Left) == field.Name))
                {
                    return null;
                }
            }

            return value;
        }

        /// <summary>
        /// The value of a string literal or a concatenation of literals. Iterative over the
        /// left-nested chain <c>"a" + "b" + …</c>, so a generated chain of any length cannot
        /// overflow the stack.
        /// </summary>
        private static string? LiteralValue(ExpressionSyntax expression)
        {
            var parts = new System.Collections.Generic.Stack<ExpressionSyntax>();
            ExpressionSyntax current = expression;
            while (true)
            {
                while (current is ParenthesizedExpressionSyntax parenthesized)
                {
                    current = parenthesized.Expression;
                }

                if (current is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    parts.Push(binary.Right);
                    current = binary.Left;
                    continue;
                }

                break;
            }

            if (current is not LiteralExpressionSyntax first || !first.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            var value = new System.Text.StringBuilder(first.Token.ValueText);
            while (parts.Count > 0)
            {
                ExpressionSyntax part = parts.Pop();
                while (part is ParenthesizedExpressionSyntax parenthesized)
                {
                    part = parenthesized.Expression;
                }

                if (part is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return null;
                }

                value.Append(literal.Token.ValueText);
            }

            return value.ToString();
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>Assignments, compound assignments, increments, <c>ref</c> and <c>out</c> uses of the local after its declaration.</summary>
        private static bool IsWrittenAgain(SyntaxNode scope, string name, VariableDeclaratorSyntax declarator, SemanticModel model, ILocalSymbol local, CancellationToken cancellationToken)
        {
            foreach (IdentifierNameSyntax identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name || declarator.Span.Contains(identifier.Span))
                {
                    continue;
                }

                SyntaxNode? parent = identifier.Parent;
                bool isWrite = parent switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left == identifier,
                    PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                    ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                    _ => false,
                };
                if (isWrite && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
