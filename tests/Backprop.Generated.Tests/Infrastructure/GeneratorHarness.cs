using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Backprop.Generated.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Backprop.Generated.Tests.Infrastructure
{
    /// <summary>What one generator run produced: the sources by hint name and every diagnostic it reported.</summary>
    public sealed record GeneratorOutput(
        CSharpCompilation Compilation,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        IReadOnlyDictionary<string, string> Sources,
        GeneratorDriverRunResult RunResult);

    /// <summary>Runs <see cref="NetworkGenerator"/> in memory on source text, compiles the result and loads it.</summary>
    public static class GeneratorHarness
    {
        private static readonly Lazy<MetadataReference[]> NetReferences = new(() =>
        {
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            var references = tpa.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();
            references.Add(MetadataReference.CreateFromFile(typeof(INetwork<>).Assembly.Location));
            return references.ToArray();
        });

        public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

        public static CSharpCompilation CreateCompilation(IEnumerable<(string Path, string Source)> sources, string assemblyName = "Generated")
            => CSharpCompilation.Create(
                assemblyName,
                sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, ParseOptions, s.Path)),
                NetReferences.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                    specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress }));

        public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public static GeneratorOutput Run(string source, string path = "Network.cs") => Run(new[] { (path, source) });

        /// <summary>Runs the generator on <paramref name="sources"/>, compiled with the usual references and <paramref name="extraReferences"/>.</summary>
        public static GeneratorOutput Run(IEnumerable<(string Path, string Source)> sources, params MetadataReference[] extraReferences)
        {
            CSharpCompilation compilation = CreateCompilation(sources).AddReferences(extraReferences);
            GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            GeneratorDriverRunResult result = driver.GetRunResult();
            var generated = result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
            return new GeneratorOutput((CSharpCompilation)output, diagnostics, generated, result);
        }

        /// <summary>Compiles the generator's output and loads it into a collectible context; throws with every error if it does not compile.</summary>
        public static Assembly CompileAndLoad(GeneratorOutput output)
        {
            using var stream = new MemoryStream();
            var emitted = output.Compilation.Emit(stream);
            var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (!emitted.Success || problems.Count > 0)
            {
                throw new InvalidOperationException("Generated code did not compile cleanly:\n" + string.Join("\n", problems.Take(40)));
            }
            stream.Position = 0;
            var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
            return context.LoadFromStream(stream);
        }

        /// <summary>Generates, compiles and loads; fails on any generator diagnostic of warning or error severity.</summary>
        public static Assembly Build(string source)
        {
            GeneratorOutput output = Run(source);
            var bad = output.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (bad.Count > 0) throw new InvalidOperationException("The generator reported:\n" + string.Join("\n", bad));
            return CompileAndLoad(output);
        }
    }
}
