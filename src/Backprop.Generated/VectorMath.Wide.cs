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
            Vector512<float> s2 = s * s;
            Vector512<float> p01 = MultiplyAdd(Vector512.Create(0.6666667f), s, Vector512.Create(1f));
            Vector512<float> p23 = MultiplyAdd(Vector512.Create(0.13333297f), s, Vector512.Create(0.33333173f));
            Vector512<float> p45 = MultiplyAdd(Vector512.Create(0.012730228f), s, Vector512.Create(0.044587653f));
            Vector512<float> p = MultiplyAdd(p45, s2 * s2, MultiplyAdd(p23, s2, p01));
            Vector512<float> h = MultiplyAdd(s2, p, s);
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
            return SelectBySign(x, e, Vector512.Create(1f)) / (Vector512.Create(1f) + e);
        }

        /// <summary>
        /// The sums of sixteen vectors' lanes, as one vector, transposed by blocks of four: result[4k + j] = Σ r(4j + k), so
        /// the 128-bit block k holds the sums of r(k), r(4 + k), r(8 + k) and r(12 + k). Sixteen rows' sums are then in
        /// order when row i is passed as r(4·(i mod 4) + i / 4); four rows × four samples passed as r(4·row + sample) give
        /// each sample's four rows in its own block. With AVX-512 a transpose-and-add network: 30 shuffles and 15 adds for
        /// the sixteen sums (halves of 256, 128, 64 and 32 bits added in turn).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> SumSixteen(Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3,
            Vector512<float> r4, Vector512<float> r5, Vector512<float> r6, Vector512<float> r7,
            Vector512<float> r8, Vector512<float> r9, Vector512<float> r10, Vector512<float> r11,
            Vector512<float> r12, Vector512<float> r13, Vector512<float> r14, Vector512<float> r15)
        {
            if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
            {
                Vector512<float> q0 = Quads(Halves(r0, r1), Halves(r2, r3)), q1 = Quads(Halves(r4, r5), Halves(r6, r7));
                Vector512<float> q2 = Quads(Halves(r8, r9), Halves(r10, r11)), q3 = Quads(Halves(r12, r13), Halves(r14, r15));
                // q0's block k holds four partial sums of r(k); q1 of r(4 + k) and so on.
                Vector512<float> t0 = System.Runtime.Intrinsics.X86.Avx512F.Shuffle(q0, q1, 0x44) + System.Runtime.Intrinsics.X86.Avx512F.Shuffle(q0, q1, 0xEE);
                Vector512<float> t1 = System.Runtime.Intrinsics.X86.Avx512F.Shuffle(q2, q3, 0x44) + System.Runtime.Intrinsics.X86.Avx512F.Shuffle(q2, q3, 0xEE);
                // t0's block k: two partials of r(k), two of r(4 + k); t1 likewise of r(8 + k) and r(12 + k).
                return System.Runtime.Intrinsics.X86.Avx512F.Shuffle(t0, t1, 0x88) + System.Runtime.Intrinsics.X86.Avx512F.Shuffle(t0, t1, 0xDD);
            }
            return Vector512.Create(
                Vector512.Sum(r0), Vector512.Sum(r4), Vector512.Sum(r8), Vector512.Sum(r12),
                Vector512.Sum(r1), Vector512.Sum(r5), Vector512.Sum(r9), Vector512.Sum(r13),
                Vector512.Sum(r2), Vector512.Sum(r6), Vector512.Sum(r10), Vector512.Sum(r14),
                Vector512.Sum(r3), Vector512.Sum(r7), Vector512.Sum(r11), Vector512.Sum(r15));
        }

        // [a's lower 256 bits + its upper | b's likewise]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Halves(Vector512<float> a, Vector512<float> b)
            => System.Runtime.Intrinsics.X86.Avx512F.Shuffle4x128(a, b, 0b01_00_01_00) + System.Runtime.Intrinsics.X86.Avx512F.Shuffle4x128(a, b, 0b11_10_11_10);

        // From two results of Halves, [a | b] and [c | d]: each of a, b, c, d folded to 128 bits, one per block.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> Quads(Vector512<float> ab, Vector512<float> cd)
            => System.Runtime.Intrinsics.X86.Avx512F.Shuffle4x128(ab, cd, 0b10_00_10_00) + System.Runtime.Intrinsics.X86.Avx512F.Shuffle4x128(ab, cd, 0b11_01_11_01);

        // As the Vector256 forms: vminps/vmaxps return their second operand when either is NaN.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> MinOrNaN(Vector512<float> c, Vector512<float> x)
            => System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? System.Runtime.Intrinsics.X86.Avx512F.Min(c, x) : KeepNaN(x, Vector512.Min(c, x));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> MaxOrNaN(Vector512<float> c, Vector512<float> x)
            => System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? System.Runtime.Intrinsics.X86.Avx512F.Max(c, x) : KeepNaN(x, Vector512.Max(c, x));

        // negative where the sign bit of x is set, else positive (AVX-512 has no vblendvps: a shift and a select).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> SelectBySign(Vector512<float> x, Vector512<float> negative, Vector512<float> positive)
            => Vector512.ConditionalSelect(Vector512.ShiftRightArithmetic(x.AsInt32(), 31).AsSingle(), negative, positive);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> KeepNaN(Vector512<float> x, Vector512<float> result)
            => Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }
}
#endif
