namespace Backprop.Generated
{
    /// <summary>The floating-point type a generated network computes in.</summary>
    public enum Precision
    {
        /// <summary>32-bit <see cref="float"/>: the default, and what SIMD paths favour.</summary>
        Single = 0,

        /// <summary>64-bit <see cref="double"/>: for reference results and gradient checks.</summary>
        Double = 1,
    }
}
