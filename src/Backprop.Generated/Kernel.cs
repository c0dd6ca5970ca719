namespace Backprop.Generated
{
    /// <summary>How the generator writes a layer's arithmetic. Set it for a network, and override it per dense layer.</summary>
    public enum Kernel
    {
        /// <summary>
        /// Chosen from the layer's size and the target: <c>Vector256</c> FMA loops where the consumer compiles against
        /// .NET 8 or later and the layer is wide enough, scalar loops otherwise. Either way, a machine without hardware
        /// SIMD runs the scalar code.
        /// </summary>
        Auto = 0,

        /// <summary>Scalar loops with constant bounds: the reference path, and the one to read when learning.</summary>
        Scalar = 1,
    }
}
