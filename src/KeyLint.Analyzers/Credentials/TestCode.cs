using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// Whether a file is test code, where KL0007 reports only credentials that look like secrets:
    /// tests build clients with placeholders (<c>"fake-key"</c>, <c>"ApiKey"</c>) all day.
    /// </summary>
    /// <remarks>
    /// Test code: every file of a project whose MSBuild property <c>IsTestProject</c> is true (the
    /// test SDKs set it; the package makes it visible to analyzers); where the property is not set at
    /// all, every file of a compilation that references a test framework (xunit, NUnit, MSTest,
    /// TUnit: test projects on Microsoft.Testing.Platform need not set it); and every file that
    /// <c>.editorconfig</c> marks with <c>keylint.test_code = true</c>. The option wins both ways:
    /// <c>keylint.test_code = false</c> treats a test project's helper folder as product code, and
    /// so does <c>IsTestProject=false</c> for a whole project.
    /// </remarks>
    internal static class TestCode
    {
        public const string Option = "keylint.test_code";

        /// <summary>The MSBuild property, as the compiler sees it through <c>CompilerVisibleProperty</c>.</summary>
        public const string IsTestProjectProperty = "build_property.IsTestProject";

        /// <summary>The assemblies of the test frameworks; a compilation that references one is a test project's.</summary>
        private static readonly string[] s_testFrameworks =
        {
            "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "TUnit.Core",
        };

        public static bool Contains(AnalyzerOptions options, SyntaxTree tree, bool referencesTestFramework)
        {
            AnalyzerConfigOptionsProvider provider = options.AnalyzerConfigOptionsProvider;
            if (provider.GetOptions(tree).TryGetValue(Option, out string? marked) && TryParse(marked, out bool isTestCode))
            {
                return isTestCode;
            }

            return provider.GlobalOptions.TryGetValue(IsTestProjectProperty, out string? property) && TryParse(property, out bool isTestProject)
                ? isTestProject
                : referencesTestFramework;
        }

        public static bool IsTestFramework(string assemblyName)
        {
            foreach (string framework in s_testFrameworks)
            {
                if (string.Equals(assemblyName, framework, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryParse(string value, out bool result) => KeySettingNames.TryParseBoolean(value, out result);
    }
}
