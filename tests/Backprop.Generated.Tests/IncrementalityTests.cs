using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Backprop.Generated.Generator;
using Backprop.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// The incremental pipeline caches: an edit that does not touch a network re-emits nothing, an edit of a network's
    /// attributes does, and the cached values are plain data (no symbols, syntax, compilations or locations), as STYLE asks.
    /// Each test runs the same driver twice, as an IDE does between keystrokes.
    /// </summary>
    public class IncrementalityTests
    {
        private const string NetworkPath = "Network.cs";
        private const string WarnedPath = "Warned.cs";
        private const string OtherPath = "Other.cs";

        private static string NetworkSource(int hidden) => $$"""
            using Backprop.Generated;

            namespace Demo
            {
                [Network]
                [Input(4)]
                [Dense({{hidden}})] [ReLU]
                [Dense(3)]
                [SoftmaxCrossEntropy]
                [Sgd(LearningRate = 0.1, Momentum = 0.9)]
                public partial class IrisNet { }
            }
            """;

        // A valid network with a warning (BCE after Tanh): it has both a spec and diagnostics, so every step has outputs.
        private const string WarnedSource = """
            using Backprop.Generated;

            namespace Demo
            {
                [Network]
                [Input(2)]
                [Dense(1)] [Tanh]
                [BinaryCrossEntropy]
                public partial class WarnedNet { }
            }
            """;

        // An invalid network: diagnostics and no spec.
        private const string BrokenSource = """
            using Backprop.Generated;

            namespace Demo
            {
                [Network]
                [Input(2)]
                [Dense(0)]
                public partial class BrokenNet { }
            }
            """;

        private const string OtherSource = """
            namespace Demo
            {
                public static class Other
                {
                    public static int Answer() => 42;
                }
            }
            """;

        private static readonly string[] PipelineSteps = { TrackingNames.Parse, TrackingNames.Specs, TrackingNames.Diagnostics };

        public static TheoryData<string> UnrelatedEdits() => new()
        {
            "add a syntax tree",
            "edit an unrelated file",
            "remove an unrelated file",
            "same compilation, cloned",
        };

        [Theory]
        [MemberData(nameof(UnrelatedEdits))]
        public void UnrelatedEdit_ReusesEveryStepAndSource(string edit)
        {
            CSharpCompilation first = NewCompilation((NetworkPath, NetworkSource(8)), (WarnedPath, WarnedSource), (OtherPath, OtherSource));
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);
            GeneratorRunResult run1 = Single(driver.GetRunResult());

            CSharpCompilation second = edit switch
            {
                "add a syntax tree" => first.AddSyntaxTrees(Tree("Added.cs", "namespace Elsewhere { internal sealed class Added { public int X => 1; } }")),
                "edit an unrelated file" => first.ReplaceSyntaxTree(TreeAt(first, OtherPath), Tree(OtherPath, OtherSource.Replace("42", "43"))),
                "remove an unrelated file" => first.RemoveSyntaxTrees(TreeAt(first, OtherPath)),
                "same compilation, cloned" => first.Clone(),
                _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
            };
            driver = driver.RunGenerators(second);
            GeneratorRunResult run2 = Single(driver.GetRunResult());

            foreach (string name in PipelineSteps)
            {
                ImmutableArray<IncrementalGeneratorRunStep> steps1 = Steps(run1, name), steps2 = Steps(run2, name);
                Assert.False(steps2.IsEmpty, name + " did not run: the test no longer exercises it.");
                Assert.Equal(steps1.Length, steps2.Length);
                var outputs2 = steps2.SelectMany(s => s.Outputs).ToList();
                Assert.NotEmpty(outputs2);
                Assert.All(outputs2, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{name} output {o.Value} was {o.Reason} after \"{edit}\": its value does not compare equal across runs, or the step reads more than it needs."));
                // The values themselves compare equal to the first run's (what Cached/Unchanged rests on).
                Assert.Equal(steps1.SelectMany(s => s.Outputs).Select(o => o.Value), outputs2.Select(o => o.Value));
            }

            // No source is emitted again: every source output is Cached. The diagnostics output alone is bound to the new
            // compilation's syntax trees (so that #pragma warning applies to its diagnostics); it reruns, for the networks
            // that have diagnostics, and reports the same diagnostics.
            var outputs = run2.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs).ToList();
            var sourceOutputs = outputs.Where(o => !BindsDiagnostics(o.Value)).ToList();
            Assert.NotEmpty(sourceOutputs);
            Assert.Contains(outputs, o => BindsDiagnostics(o.Value));
            Assert.All(sourceOutputs, o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"A source output step was {o.Reason} after \"{edit}\"."));
            Assert.Equal(Sources(run1), Sources(run2));
            Assert.Equal(run1.Diagnostics.Select(d => d.ToString()), run2.Diagnostics.Select(d => d.ToString()));
        }

        /// <summary>An output step of the diagnostics output: it produced diagnostics and no source.</summary>
        private static bool BindsDiagnostics(object value)
        {
            // The value is (ImmutableArray<GeneratedSourceText>, ImmutableArray<Diagnostic>); the first type is internal to Roslyn.
            if (value is not System.Runtime.CompilerServices.ITuple { Length: 2 } produced) return false;
            return produced[1] is ImmutableArray<Diagnostic> { IsEmpty: false } && produced[0] is System.Collections.ICollection { Count: 0 };
        }

        [Fact]
        public void EditingANetworksAttributes_ReemitsThatNetworkOnly()
        {
            CSharpCompilation first = NewCompilation((NetworkPath, NetworkSource(8)), (WarnedPath, WarnedSource), (OtherPath, OtherSource));
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);
            GeneratorRunResult run1 = Single(driver.GetRunResult());

            CSharpCompilation second = first.ReplaceSyntaxTree(TreeAt(first, NetworkPath), Tree(NetworkPath, NetworkSource(9)));
            driver = driver.RunGenerators(second);
            GeneratorRunResult run2 = Single(driver.GetRunResult());

            // Parse and Specs: the edited network's output is Modified, the other network's is not.
            foreach (string name in new[] { TrackingNames.Parse, TrackingNames.Specs })
            {
                var outputs = Steps(run2, name).SelectMany(s => s.Outputs).ToList();
                Assert.Contains(outputs, o => ClassName(o.Value) == "IrisNet" && o.Reason == IncrementalStepRunReason.Modified);
                Assert.Contains(outputs, o => ClassName(o.Value) == "WarnedNet" && o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
                Assert.DoesNotContain(outputs, o => ClassName(o.Value) == "WarnedNet" && o.Reason == IncrementalStepRunReason.Modified);
            }
            NetworkSpec spec = Steps(run2, TrackingNames.Specs).SelectMany(s => s.Outputs)
                .Select(o => (((NetworkSpec Spec, TargetInfo Target))o.Value).Spec).Single(s => s.ClassName == "IrisNet");
            Assert.Equal(9, spec.Layers[0].Units);

            // The warned network's diagnostics are not reported again as new.
            Assert.All(Steps(run2, TrackingNames.Diagnostics).SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Diagnostics were {o.Reason}."));

            // The source output runs again, and the source is new.
            var sourceOutputs = run2.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs).ToList();
            Assert.Contains(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
            Dictionary<string, string> before = Sources(run1), after = Sources(run2);
            Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
            Assert.NotEqual(before["Demo.IrisNet.g.cs"], after["Demo.IrisNet.g.cs"]);
            Assert.Contains("Layer0OutputSize = 8;", before["Demo.IrisNet.g.cs"]);
            Assert.Contains("Layer0OutputSize = 9;", after["Demo.IrisNet.g.cs"]);
            Assert.Equal(before["Demo.WarnedNet.g.cs"], after["Demo.WarnedNet.g.cs"]);
        }

        [Fact]
        public void MovingANetworkDownALine_MovesItsDiagnostic_ButReemitsNoSource()
        {
            CSharpCompilation first = NewCompilation((NetworkPath, NetworkSource(8)), (WarnedPath, WarnedSource), (OtherPath, OtherSource));
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);
            GeneratorRunResult run1 = Single(driver.GetRunResult());

            CSharpCompilation second = first
                .ReplaceSyntaxTree(TreeAt(first, WarnedPath), Tree(WarnedPath, "\n" + WarnedSource))
                .ReplaceSyntaxTree(TreeAt(first, NetworkPath), Tree(NetworkPath, "\n" + NetworkSource(8)));
            driver = driver.RunGenerators(second);
            GeneratorRunResult run2 = Single(driver.GetRunResult());

            // The parse result of the warned network holds its diagnostic's location, so it changes; the spec does not.
            var parsed = Steps(run2, TrackingNames.Parse).SelectMany(s => s.Outputs).ToList();
            Assert.Contains(parsed, o => ClassName(o.Value) == "WarnedNet" && o.Reason == IncrementalStepRunReason.Modified);
            Assert.Contains(parsed, o => ClassName(o.Value) == "IrisNet" && o.Reason == IncrementalStepRunReason.Unchanged);
            Assert.All(Steps(run2, TrackingNames.Specs).SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Specs output was {o.Reason}."));
            Assert.Contains(Steps(run2, TrackingNames.Diagnostics).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);

            Diagnostic before = Assert.Single(run1.Diagnostics), after = Assert.Single(run2.Diagnostics);
            Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 1, after.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Equal(Sources(run1), Sources(run2));
            // The output fed by Specs (the sources) is reused; the one fed by Diagnostics runs again.
            var outputSteps = run2.TrackedOutputSteps.SelectMany(kv => kv.Value).ToList();
            var fromSpecs = outputSteps.Where(s => s.Inputs.Any(i => i.Source.Name == TrackingNames.Specs)).SelectMany(s => s.Outputs).ToList();
            var fromDiagnostics = outputSteps.SelectMany(s => s.Outputs).Where(o => BindsDiagnostics(o.Value)).ToList();
            Assert.NotEmpty(fromSpecs);
            Assert.All(fromSpecs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
            Assert.Contains(fromDiagnostics, o => o.Reason == IncrementalStepRunReason.Modified);
        }

        [Fact]
        public void PipelineValues_HoldNoRoslynObjects()
        {
            CSharpCompilation first = NewCompilation((NetworkPath, NetworkSource(8)), (WarnedPath, WarnedSource), ("Broken.cs", BrokenSource), (OtherPath, OtherSource));
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);
            GeneratorRunResult run1 = Single(driver.GetRunResult());
            driver = driver.RunGenerators(first.ReplaceSyntaxTree(TreeAt(first, NetworkPath), Tree(NetworkPath, NetworkSource(9))));
            GeneratorRunResult run2 = Single(driver.GetRunResult());

            var problems = new List<string>();
            var seenTypes = new HashSet<Type>();
            foreach (GeneratorRunResult run in new[] { run1, run2 })
            {
                foreach (string name in PipelineSteps)
                {
                    ImmutableArray<IncrementalGeneratorRunStep> steps = Steps(run, name);
                    Assert.False(steps.IsEmpty, name + " did not run.");
                    foreach (IncrementalGeneratorRunStep step in steps)
                    {
                        for (int i = 0; i < step.Outputs.Length; i++)
                        {
                            RoslynObjectFinder.Walk(step.Outputs[i].Value, name + ".Outputs[" + i + "]", problems, seenTypes);
                        }
                    }
                }
            }
            Assert.True(problems.Count == 0, "The pipeline caches Roslyn objects, which keeps compilations alive and defeats caching:\n" + string.Join("\n", problems));
            // The walk reached the values that could hold them.
            Assert.Contains(typeof(ParseResult), seenTypes);
            Assert.Contains(typeof(NetworkSpec), seenTypes);
            Assert.Contains(typeof(LayerSpec), seenTypes);
            Assert.Contains(typeof(OptimizerSpec), seenTypes);
            Assert.Contains(typeof(TargetInfo), seenTypes);
            Assert.Contains(typeof(DiagnosticInfo), seenTypes);
            Assert.Contains(typeof(LocationInfo), seenTypes);
        }

        [Fact]
        public void RoslynObjectFinder_FindsPlantedObjects()
        {
            SyntaxTree tree = Tree("Planted.cs", "class C { }");
            CSharpCompilation compilation = NewCompilation(("Planted.cs", "class C { }"));
            var planted = new Planted(
                Tree: (object)tree.GetRoot(),
                Items: new object[] { 1, "text", Location.Create(tree, default) },
                Pair: (compilation.GetTypeByMetadataName("C")!, 2));
            var problems = new List<string>();
            RoslynObjectFinder.Walk(planted, "planted", problems, new HashSet<Type>());
            Assert.Contains(problems, p => p.StartsWith("planted.<Tree>k__BackingField", StringComparison.Ordinal) && p.Contains("SyntaxNode"));
            Assert.Contains(problems, p => p.StartsWith("planted.<Items>k__BackingField[2]", StringComparison.Ordinal) && p.Contains("Location"));
            Assert.Contains(problems, p => p.StartsWith("planted.<Pair>k__BackingField.Item1", StringComparison.Ordinal) && p.Contains("ISymbol"));
            // A field declared with a Roslyn type is reported even while it is null.
            problems.Clear();
            RoslynObjectFinder.Walk(new Declared(null), "declared", problems, new HashSet<Type>());
            Assert.Contains(problems, p => p.Contains("declared as") && p.Contains("Compilation"));
        }

        private sealed record Planted(object Tree, object[] Items, (INamedTypeSymbol Symbol, int Number) Pair);

        private sealed record Declared(Compilation? Compilation);

        /// <summary>Walks a value's fields (and the items of collections) and reports every Roslyn object it reaches or could hold.</summary>
        private static class RoslynObjectFinder
        {
            private static readonly Type[] Banned =
            {
                typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxTree), typeof(SyntaxReference),
                typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AttributeData), typeof(TypedConstant),
            };

            public static void Walk(object? root, string path, List<string> problems, HashSet<Type> seenTypes)
                => Visit(root, path, problems, seenTypes, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);

            private static void Visit(object? value, string path, List<string> problems, HashSet<Type> seenTypes, HashSet<object> visited, int depth)
            {
                if (value is null) return;
                Type type = value.GetType();
                seenTypes.Add(type);
                Type? banned = Banned.FirstOrDefault(b => b.IsAssignableFrom(type));
                if (banned != null)
                {
                    problems.Add(path + " is a " + banned.Name + " (" + type.FullName + ")");
                    return;
                }
                if (type.IsPrimitive || type.IsEnum || value is string || value is decimal || value is Type) return;
                if (!type.IsValueType && !visited.Add(value)) return;
                if (depth > 64)
                {
                    problems.Add(path + " is nested more than 64 levels deep");
                    return;
                }
                if (value is IEnumerable items)
                {
                    int i = 0;
                    foreach (object? item in items) Visit(item, path + "[" + i++ + "]", problems, seenTypes, visited, depth + 1);
                }
                for (Type? t = type; t != null && t != typeof(object); t = t.BaseType)
                {
                    foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        Type? declared = Banned.FirstOrDefault(b => b.IsAssignableFrom(Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType));
                        if (declared != null) problems.Add(path + "." + field.Name + " is declared as " + declared.Name);
                        Visit(field.GetValue(value), path + "." + field.Name, problems, seenTypes, visited, depth + 1);
                    }
                    // Properties without a backing field are computed, not stored; only their declared types can tell.
                    foreach (PropertyInfo property in t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        Type? declared = Banned.FirstOrDefault(b => b.IsAssignableFrom(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType));
                        if (declared != null) problems.Add(path + "." + property.Name + " (property) is declared as " + declared.Name);
                    }
                }
            }
        }

        private static CSharpCompilation NewCompilation(params (string Path, string Source)[] sources) => GeneratorHarness.CreateCompilation(sources);

        private static SyntaxTree Tree(string path, string source) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path);

        private static SyntaxTree TreeAt(Compilation compilation, string path) => compilation.SyntaxTrees.Single(t => t.FilePath == path);

        private static GeneratorRunResult Single(GeneratorDriverRunResult result)
        {
            GeneratorRunResult run = Assert.Single(result.Results);
            Assert.Null(run.Exception);
            return run;
        }

        private static ImmutableArray<IncrementalGeneratorRunStep> Steps(GeneratorRunResult run, string name)
            => run.TrackedSteps.TryGetValue(name, out ImmutableArray<IncrementalGeneratorRunStep> steps) ? steps : ImmutableArray<IncrementalGeneratorRunStep>.Empty;

        private static Dictionary<string, string> Sources(GeneratorRunResult run)
            => run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        private static string? ClassName(object value) => value switch
        {
            ParseResult parse => parse.Spec?.ClassName,
            ValueTuple<NetworkSpec, TargetInfo> pair => pair.Item1.ClassName,
            _ => null,
        };
    }
}
