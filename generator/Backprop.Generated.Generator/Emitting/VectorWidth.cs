namespace Backprop.Generated.Generator
{
    /// <summary>
    /// A width of the generated SIMD code: Vector256, which every SIMD path uses, or Vector512, which the dense kernels
    /// (one-sample forward, the tile's forward and backward) and the activations' forward use first where the processor
    /// runs it (<c>Vector512.IsHardwareAccelerated</c>, a JIT-time constant: on other machines the branch is not compiled).
    /// Sums of rows are finished by 256-bit horizontal-add trees after <see cref="Fold"/>, or by VectorMath.SumSixteen.
    /// <see cref="Simd"/>'s Of, Load, Store and Broadcast are the 256-bit width's.
    /// </summary>
    internal sealed class VectorWidth
    {
        /// <summary>
        /// 256 bits, run where 256-bit or 128-bit vectors are accelerated: where only 128-bit ones are (ARM64's NEON, x64
        /// without AVX, NativeAOT's x64 baseline), .NET runs each Vector256 operation as two Vector128 ones, which is still
        /// several times faster than the scalar loops.
        /// </summary>
        public static readonly VectorWidth Narrow = new VectorWidth(Simd.Vector, 256,
            Simd.Vector + ".IsHardwareAccelerated || " + Simd.Vector128 + ".IsHardwareAccelerated");

        public static readonly VectorWidth Wide = new VectorWidth(Vector512, 512, Vector512 + ".IsHardwareAccelerated");

        private const string Vector512 = "global::System.Runtime.Intrinsics.Vector512";

        private VectorWidth(string type, int bits, string accelerated)
        {
            Type = type;
            Bits = bits;
            Accelerated = accelerated;
        }

        /// <summary>The vector class: "global::System.Runtime.Intrinsics.Vector512".</summary>
        public string Type { get; }

        public int Bits { get; }

        /// <summary>The JIT-time check that guards this width's code.</summary>
        public string Accelerated { get; }

        /// <summary>Elements of T per vector: 8 floats or 4 doubles at 256 bits, twice that at 512.</summary>
        public int Lanes(EmitContext c) => Bits / (c.Spec.IsDouble ? 64 : 32);

        /// <summary>The vector type of the network's element type: "Vector512&lt;float&gt;".</summary>
        public string Of(EmitContext c) => Type + "<" + c.T + ">";

        public string Zero(EmitContext c) => Of(c) + ".Zero";

        /// <summary>A load of one vector from <paramref name="reference"/> at an element offset.</summary>
        public string Load(string reference, string offset) => Type + ".LoadUnsafe(ref " + reference + ", (nuint)(" + offset + "))";

        /// <summary>A statement storing <paramref name="value"/> at an element offset.</summary>
        public string Store(string value, string reference, string offset) => Type + ".StoreUnsafe(" + value + ", ref " + reference + ", (nuint)(" + offset + "));";

        /// <summary>A vector of one element read through a reference, without a bounds check (see <see cref="Simd.Element"/>).</summary>
        public string Broadcast(string reference, string offset) => Type + ".Create(" + Simd.Element(reference, offset) + ")";

        /// <summary>An accumulator as the 256-bit vector a horizontal-add tree takes: itself, or its two halves added.</summary>
        public string Fold(string accumulator) => Bits == 256 ? accumulator : Simd.Math + ".Fold(" + accumulator + ")";
    }
}
