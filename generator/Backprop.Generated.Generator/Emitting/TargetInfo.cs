namespace Backprop.Generated.Generator
{
    /// <summary>
    /// What the consumer's compilation offers that generated code may use. Read once from the compilation as plain
    /// values, so it caches and only re-emits when the target changes.
    /// </summary>
    /// <param name="HasMathF">System.MathF exists (netstandard2.1, .NET Core 2.0 and later).</param>
    /// <param name="HasVectorMath">
    /// Backprop.Generated.VectorMath exists: the consumer references the runtime library's .NET 8 build, so
    /// System.Runtime.Intrinsics.Vector256 and MemoryMarshal.GetArrayDataReference are there too.
    /// </param>
    internal sealed record TargetInfo(bool HasMathF, bool HasVectorMath)
    {
        /// <summary>The most conservative target: netstandard2.0 with System.Memory.</summary>
        public static readonly TargetInfo Minimal = new TargetInfo(false, false);
    }
}
