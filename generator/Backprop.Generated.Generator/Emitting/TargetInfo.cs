namespace Backprop.Generated.Generator
{
    /// <summary>
    /// What the consumer's compilation offers that generated code may use. Read once from the compilation as plain
    /// values, so it caches and only re-emits when the target changes.
    /// </summary>
    internal sealed record TargetInfo(bool HasMathF)
    {
        /// <summary>The most conservative target: netstandard2.0 with System.Memory.</summary>
        public static readonly TargetInfo Minimal = new TargetInfo(false);
    }
}
