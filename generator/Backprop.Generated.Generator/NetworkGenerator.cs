using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using System.Text;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// The incremental generator. Wiring only: find classes with [Network], parse each into a spec and diagnostics,
    /// emit source for valid specs, and report diagnostics as a separate output.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NetworkGenerator : IIncrementalGenerator
    {
        // Public and reachable from the consumer: System.Numerics.Vectors, for one, carries an internal System.MathF.
        private static bool HasAccessibleType(Compilation compilation, string metadataName)
        {
            foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName(metadataName))
            {
                if (type.DeclaredAccessibility == Accessibility.Public && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)) return true;
            }
            return false;
        }

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    NetworkParser.NetworkAttribute,
                    static (node, _) => node is ClassDeclarationSyntax || node is RecordDeclarationSyntax,
                    static (ctx, ct) => NetworkParser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Parse);

            IncrementalValueProvider<TargetInfo> target = context.CompilationProvider
                .Combine(context.ParseOptionsProvider)
                .Select(static (pair, _) => new TargetInfo(
                    HasAccessibleType(pair.Left, "System.MathF"),
                    // The SIMD kernels index with nint (C# 9): without it a .NET 8 consumer gets the scalar path.
                    HasAccessibleType(pair.Left, "Backprop.Generated.VectorMath") && pair.Right is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 },
                    pair.Right is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 }));

            IncrementalValuesProvider<(NetworkSpec Spec, TargetInfo Target)> specs = parsed
                .Where(static result => result.Spec != null)
                .Select(static (result, _) => result.Spec!)
                .Combine(target)
                .WithTrackingName(TrackingNames.Specs);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .Where(static d => d.Count > 0)
                .WithTrackingName(TrackingNames.Diagnostics);

            context.RegisterSourceOutput(specs, static (spc, item) =>
            {
                string source;
                try
                {
                    source = NetworkEmitter.Emit(item.Spec, item.Target);
                }
                catch (System.Exception ex)
                {
                    // A generator never throws: an emitter failure is a diagnostic, and the rest of the project still builds.
                    spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, Location.None, item.Spec.ClassName, ex.GetType().Name + ": " + ex.Message));
                    return;
                }
                spc.AddSource(item.Spec.HintName, SourceText.From(source, Encoding.UTF8));
            });

            // Diagnostics are bound to the compilation's syntax trees only here, at reporting, so that #pragma warning
            // applies to them; the cached pipeline above holds plain values. Only networks with diagnostics reach this.
            context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, item) =>
            {
                foreach (DiagnosticInfo info in item.Left) spc.ReportDiagnostic(info.ToDiagnostic(item.Right));
            });
        }
    }
}
