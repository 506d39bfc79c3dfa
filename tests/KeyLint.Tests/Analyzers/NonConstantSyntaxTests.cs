using System.Linq;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// The syntax-only pre-check of KL0007: "surely not constant" only where no binding could make
    /// the value a constant; everything else is left to the semantic model.
    /// </summary>
    public class NonConstantSyntaxTests
    {
        private static bool IsSurelyNotConstant(string expression, string parameters = "string token, Options options", string locals = "")
        {
            string source = $$"""
                class C
                {
                    const string Field = "f";
                    void M({{parameters}})
                    {
                        {{locals}}
                        Use(/*here*/{{expression}});
                    }
                }
                """;
            InvocationExpressionSyntax use = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .First(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Use" });
            return NonConstantSyntax.IsSurelyNotConstant(use.ArgumentList.Arguments[0].Expression);
        }

        [Theory]
        [InlineData("token")]
        [InlineData("(token)")]
        [InlineData("options.Key")]
        [InlineData("options.Inner.Key")]
        [InlineData("this.Key")]
        [InlineData("GetToken()")]
        [InlineData("configuration[\"OpenAI:ApiKey\"]")]
        [InlineData("await GetTokenAsync()")]
        [InlineData("options?.Key")]
        public void ValuesNoBindingMakesConstant_ShouldBeSurelyNotConstant(string expression)
        {
            Assert.True(IsSurelyNotConstant(expression));
        }

        [Theory]
        [InlineData("\"literal\"")]
        [InlineData("Field")]
        [InlineData("C.Field")]
        [InlineData("nameof(token)")]
        [InlineData("\"a\" + token")]
        [InlineData("$\"{token}\"")]
        [InlineData("(string)token")]
        [InlineData("local")]
        [InlineData("Settings.Key")]
        public void ValuesThatMayBeConstant_ShouldBeLeftToTheSemanticModel(string expression)
        {
            Assert.False(IsSurelyNotConstant(expression, locals: "const string local = \"x\";"));
        }

        [Theory]
        [InlineData("var copy = token;")]
        [InlineData("var copy = options.Key;")]
        [InlineData("var copy = new System.Text.StringBuilder();")]
        [InlineData("string first = GetToken(); var copy = first;")]
        public void LocalsInitialisedWithNonConstants_ShouldBeSurelyNotConstant(string locals)
        {
            Assert.True(IsSurelyNotConstant("copy", locals: locals));
        }

        [Theory]
        [InlineData("var copy = \"literal\";")]
        [InlineData("string copy = Field;")]
        [InlineData("string copy;")]
        [InlineData("{ string copy = token; } { string copy = \"literal\"; }")]
        [InlineData("foreach (var copy in new[] { \"a\" }) { } string copy2 = token;")]
        [InlineData("var a = b; var b = a; var copy = a;")]
        public void LocalsThatMayHoldAConstant_ShouldBeLeftToTheSemanticModel(string locals)
        {
            Assert.False(IsSurelyNotConstant("copy", locals: locals));
        }

        [Fact]
        public void OuterParameterNameInsideALambda_ShouldBeLeftToTheSemanticModel()
        {
            string source = """
                class C
                {
                    void M(string token)
                    {
                        System.Action a = () => { const string token = "x"; Use(token); };
                        System.Action<string> b = token => Use(token);
                    }
                }
                """;
            IdentifierNameSyntax[] uses = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => (IdentifierNameSyntax)i.ArgumentList.Arguments[0].Expression).ToArray();
            Assert.False(NonConstantSyntax.IsSurelyNotConstant(uses[0])); // the lambda's const local
            Assert.True(NonConstantSyntax.IsSurelyNotConstant(uses[1]));  // the lambda's parameter
        }

        private static bool IsMemberSurelyNotConstant(string members, string expression, string body = "")
        {
            string source = $$"""
                partial class C
                {
                    {{members}}
                    void M()
                    {
                        {{body}}
                        Use(/*here*/{{expression}});
                    }
                }
                """;
            InvocationExpressionSyntax use = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .First(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Use" });
            return NonConstantSyntax.IsSurelyNotConstant(use.ArgumentList.Arguments[0].Expression);
        }

        [Theory]
        [InlineData("private readonly string _apiKey;", "_apiKey")]
        [InlineData("private string _apiKey = \"literal\";", "_apiKey")]
        [InlineData("private static string s_apiKey = \"literal\";", "s_apiKey")]
        [InlineData("public string Token { get; } = \"literal\";", "Token")]
        [InlineData("public string Token => \"literal\";", "Token")]
        [InlineData("public event System.EventHandler Changed;", "Changed")]
        public void InstanceMembersOfTheType_ShouldBeSurelyNotConstant(string members, string expression)
        {
            Assert.True(IsMemberSurelyNotConstant(members, expression));
        }

        [Theory]
        [InlineData("private const string ApiKey = \"literal\";", "ApiKey", "")]
        [InlineData("private static readonly string ApiKey = \"literal\";", "ApiKey", "")]
        [InlineData("", "ApiKey", "")]
        [InlineData("private readonly string _apiKey;", "_apiKey", "const string _apiKey = \"literal\";")]
        [InlineData("private readonly string _apiKey;", "_apiKey", "if (Get() is string _apiKey) { }")]
        [InlineData("private readonly string _apiKey;", "_apiKey", "System.Func<string, string> f = _apiKey => _apiKey;")]
        public void NamesThatMayBeAConstantOrALocal_ShouldBeLeftToTheSemanticModel(string members, string expression, string body)
        {
            Assert.False(IsMemberSurelyNotConstant(members, expression, body));
        }

        [Fact]
        public void MemberOfAnOuterType_ShouldBeLeftToTheSemanticModel()
        {
            // Inside a nested type the name may be the nested type's own (or an inherited) constant.
            string source = """
                class Outer
                {
                    private readonly string _apiKey = "x";
                    class Inner : Base
                    {
                        void M() => Use(_apiKey);
                    }
                }
                """;
            InvocationExpressionSyntax use = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single();
            Assert.False(NonConstantSyntax.IsSurelyNotConstant(use.ArgumentList.Arguments[0].Expression));
        }
    }
}
