namespace Backprop.Generated.Generator
{
    /// <summary>
    /// What the consumer's compilation offers that generated code may use. Read once from the compilation as plain
    /// values, so it caches and only re-emits when the target changes.
    /// </summary>
    /// <param name="HasMathF">System.MathF exists (netstandard2.1, .NET Core 2.0 and later).</param>
    /// <param name="HasVectorMath">
    /// Backprop.Generated.VectorMath exists: the consumer references the runtime library's .NET 8 build, so
    /// System.Runtime.Intrinsics.Vector256 and MemoryMarshal.GetArrayDataReference are there too; and the language is
    /// C# 9 or later, for the kernels' nint offsets.
    /// </param>
    /// <param name="NullableDirective">The language version is C# 8 or later, so '#nullable enable' may be written.</param>
    internal sealed record TargetInfo(bool HasMathF, bool HasVectorMath, bool NullableDirective);
}
