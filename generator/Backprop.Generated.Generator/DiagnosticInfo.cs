using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Backprop.Generated.Generator
{
    /// <summary>A location as plain values, so that it can be cached in the incremental pipeline.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        /// <summary>
        /// A location in the compilation's own syntax tree when it has one with this path, so that #pragma warning
        /// and suppressions apply; otherwise a location by path.
        /// </summary>
        public Location ToLocation(Compilation? compilation)
        {
            if (compilation != null)
            {
                foreach (SyntaxTree tree in compilation.SyntaxTrees)
                {
                    if (tree.FilePath == FilePath && Span.End <= tree.Length) return Location.Create(tree, Span);
                }
            }
            return Location.Create(FilePath, Span, LineSpan);
        }

        public static LocationInfo? From(SyntaxReference? reference)
        {
            if (reference is null) return null;
            Location location = reference.GetSyntax().GetLocation();
            return location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }
    }

    /// <summary>A diagnostic as plain values: its ID, its message arguments and where it points.</summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo? Location)
    {
        public Diagnostic ToDiagnostic(Compilation? compilation)
        {
            object[] args = new object[Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = Arguments[i];
            return Diagnostic.Create(Diagnostics.ById[Id], Location?.ToLocation(compilation), args);
        }
    }
}
