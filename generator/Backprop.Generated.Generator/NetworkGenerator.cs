using Microsoft.CodeAnalysis;
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
                .Select(static (compilation, _) => new TargetInfo(
                    HasAccessibleType(compilation, "System.MathF"),
                    HasAccessibleType(compilation, "Backprop.Generated.VectorMath")));

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
                spc.AddSource(item.Spec.HintName, SourceText.From(NetworkEmitter.Emit(item.Spec, item.Target), Encoding.UTF8)));

            // Diagnostics are bound to the compilation's syntax trees only here, at reporting, so that #pragma warning
            // applies to them; the cached pipeline above holds plain values. Only networks with diagnostics reach this.
            context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, item) =>
            {
                foreach (DiagnosticInfo info in item.Left) spc.ReportDiagnostic(info.ToDiagnostic(item.Right));
            });
        }
    }
}
