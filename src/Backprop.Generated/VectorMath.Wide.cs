#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Backprop.Generated
{
    // The 512-bit forms of the float activations, for generated code on processors that run Vector512: the same
    // operations in the same order as the Vector256 forms (same coefficients, fused multiply-adds, the same NaN handling),
    // so each lane gives the same bits as there; a test checks that over the whole sweep of the accuracy tests.
    public static partial class VectorMath
    {
        /// <summary>tanh of sixteen floats: <see cref="Tanh(Vector256{float})"/> sixteen lanes at a time.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Tanh(Vector512<float> x)
        {
            Vector512<float> signBit = Vector512.Create(-0f);
            Vector512<float> t = MinOrNaN(Vector512.Create(10f), Vector512.AndNot(x, signBit));
            Vector512<float> v = MultiplyAdd(t, Vector512.Create((float)(2 * Log2E)), Vector512.Create(RoundAndBias));
            Vector512<float> k = v - Vector512.Create(RoundAndBias);
            Vector512<float> s = MultiplyAdd(k, Vector512.Create((float)(-0.6931471805599453 / 2)), t);
            Vector512<float> p = Vector512.Create(0.012730228f);
            p = MultiplyAdd(p, s, Vector512.Create(0.044587653f));
            p = MultiplyAdd(p, s, Vector512.Create(0.13333297f));
            p = MultiplyAdd(p, s, Vector512.Create(0.33333173f));
            p = MultiplyAdd(p, s, Vector512.Create(0.6666667f));
            p = MultiplyAdd(p, s, Vector512.Create(1f));
            Vector512<float> h = MultiplyAdd(s * s, p, s);
            Vector512<float> scale = (v.AsInt32() << 23).AsSingle();
            Vector512<float> halfExpm1 = MultiplyAdd(scale, h, MultiplyAdd(scale, Vector512.Create(0.5f), Vector512.Create(-0.5f)));
            return halfExpm1 / (halfExpm1 + Vector512.Create(1f)) | (x & signBit);
        }

        /// <summary>The logistic sigmoid of sixteen floats: <see cref="Sigmoid(Vector256{float})"/> sixteen lanes at a time.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Sigmoid(Vector512<float> x)
        {
            Vector512<float> t = MaxOrNaN(Vector512.Create(-88f), x | Vector512.Create(-0f));
            Vector512<float> v = MultiplyAdd(t, Vector512.Create((float)Log2E), Vector512.Create(RoundAndBias));
            Vector512<float> k = v - Vector512.Create(RoundAndBias);
            Vector512<float> r = MultiplyAdd(k, Vector512.Create(-0.693359375f), t);
            r = MultiplyAdd(k, Vector512.Create(2.12194440e-4f), r);
            Vector512<float> p = Vector512.Create(0.0013814585f);
            p = MultiplyAdd(p, r, Vector512.Create(0.008368727f));
            p = MultiplyAdd(p, r, Vector512.Create(0.04166839f));
            p = MultiplyAdd(p, r, Vector512.Create(0.16666521f));
            p = MultiplyAdd(p, r, Vector512.Create(0.49999994f));
            p = MultiplyAdd(p, r, Vector512.Create(1f));
            p = MultiplyAdd(p, r, Vector512.Create(1f));
            Vector512<float> e = p * (v.AsInt32() << 23).AsSingle();
            Vector512<float> negative = Vector512.ShiftRightArithmetic(x.AsInt32(), 31).AsSingle();   // the sign bit of x, in every bit
            return Vector512.ConditionalSelect(negative, e, Vector512.Create(1f)) / (Vector512.Create(1f) + e);
        }

        // As the Vector256 forms: vminps/vmaxps return their second operand when either is NaN.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> MinOrNaN(Vector512<float> c, Vector512<float> x)
            => System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? System.Runtime.Intrinsics.X86.Avx512F.Min(c, x) : Vector512.ConditionalSelect(Vector512.Equals(x, x), Vector512.Min(c, x), x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> MaxOrNaN(Vector512<float> c, Vector512<float> x)
            => System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? System.Runtime.Intrinsics.X86.Avx512F.Max(c, x) : Vector512.ConditionalSelect(Vector512.Equals(x, x), Vector512.Max(c, x), x);
    }
}
#endif
