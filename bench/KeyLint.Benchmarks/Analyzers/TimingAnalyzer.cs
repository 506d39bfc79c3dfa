using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Benchmarks.Analyzers
{
    /// <summary>
    /// Wraps an analyzer and adds up the time its callbacks take, less the garbage-collection pauses
    /// that fell inside them.
    /// </summary>
    /// <remarks>
    /// The driver's execution time (<c>logAnalyzerExecutionTime</c>, what <c>-p:ReportAnalyzer=true</c>
    /// prints) is wall-clock time inside each callback. With the compiler allocating on every core, a
    /// callback often sits in a collection another thread started: a no-op analyzer shows up to 80 ms
    /// on a 20 MB compilation. Subtracting the pauses (<see cref="GC.GetTotalPauseDuration"/>) leaves
    /// the callbacks' own time (preemption by other threads is still counted). A first version read
    /// the thread CPU clock through P/Invoke in every callback; that distorted the driver's own
    /// numbers by seconds and was dropped.
    /// </remarks>
    public sealed class TimingAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;
        private long _ticks;
        private long _callbacks;

        public TimingAnalyzer(DiagnosticAnalyzer inner) => _inner = inner;

        public string InnerName => _inner.GetType().Name;

        /// <summary>Time inside the callbacks, garbage-collection pauses excluded, in ms.</summary>
        public double Ms => Interlocked.Read(ref _ticks) * 1000.0 / Stopwatch.Frequency;

        public long Callbacks => Interlocked.Read(ref _callbacks);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimingAnalysisContext(context, this));

        internal void Time<T>(Action<T> action, T argument)
        {
            TimeSpan pauses = GC.GetTotalPauseDuration();
            long start = Stopwatch.GetTimestamp();
            try
            {
                action(argument);
            }
            finally
            {
                long elapsed = Stopwatch.GetTimestamp() - start;
                long paused = (long)((GC.GetTotalPauseDuration() - pauses).TotalSeconds * Stopwatch.Frequency);
                Interlocked.Add(ref _ticks, Math.Max(0, elapsed - paused));
                Interlocked.Increment(ref _callbacks);
            }
        }

        internal Action<T> Wrap<T>(Action<T> action) => argument => Time(action, argument);

        /// <summary>Forwards every registration, with the action wrapped.</summary>
        private sealed class TimingAnalysisContext : AnalysisContext
        {
            private readonly AnalysisContext _context;
            private readonly TimingAnalyzer _timer;

            public TimingAnalysisContext(AnalysisContext context, TimingAnalyzer timer)
            {
                _context = context;
                _timer = timer;
            }

            public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
                => _context.RegisterCompilationStartAction(start => _timer.Time(a => action(new TimingCompilationStartContext(a, _timer)), start));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationAction(_timer.Wrap(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(_timer.Wrap(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _context.RegisterSymbolAction(_timer.Wrap(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _context.RegisterCodeBlockStartAction(action);

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(_timer.Wrap(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(_timer.Wrap(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(_timer.Wrap(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
                => _context.RegisterSyntaxNodeAction(_timer.Wrap(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _context.RegisterOperationAction(_timer.Wrap(action), operationKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _context.RegisterOperationBlockStartAction(action);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(_timer.Wrap(action));
        }

        /// <summary>The compilation-start context, with the actions registered there wrapped too.</summary>
        private sealed class TimingCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _context;
            private readonly TimingAnalyzer _timer;

            public TimingCompilationStartContext(CompilationStartAnalysisContext context, TimingAnalyzer timer)
                : base(context.Compilation, context.Options, context.CancellationToken)
            {
                _context = context;
                _timer = timer;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationEndAction(_timer.Wrap(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(_timer.Wrap(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _context.RegisterSymbolAction(_timer.Wrap(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _context.RegisterCodeBlockStartAction(action);

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(_timer.Wrap(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(_timer.Wrap(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(_timer.Wrap(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
                => _context.RegisterSyntaxNodeAction(_timer.Wrap(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _context.RegisterOperationAction(_timer.Wrap(action), operationKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _context.RegisterOperationBlockStartAction(action);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(_timer.Wrap(action));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _context.RegisterSymbolStartAction(action, symbolKind);
        }
    }
}
