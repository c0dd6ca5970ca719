#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Backprop.Generated
{
    /// <summary>
    /// Vectorized activations for generated code on .NET 8 and later, eight floats at a time (sixteen in the 512-bit forms,
    /// which give the same bits lane for lane), and the sums the generated kernels finish with. The float functions work in
    /// float lanes (range reduction and minimax polynomials: Cephes's coefficients, S. L. Moshier, for Exp; fitted ones for
    /// Tanh and Sigmoid) and are within 2 ulp of the correctly rounded value, tested over a dense sweep of inputs; the
    /// double-lane ones are within 1 ulp of a float result and serve as the reference. A scalar call of
    /// <see cref="System.MathF.Tanh"/> costs about 10 ns (the project's performance issue); the vector Tanh does eight or sixteen at once.
    /// </summary>
    public static partial class VectorMath
    {
        private const double Ln2Hi = 0.6931471803691238;
        private const double Ln2Lo = 1.9082149292705877e-10;
        private const double Log2E = 1.4426950408889634;

        /// <summary>
        /// e^x for x in [−708, 709] to about 1e-14 relative: x = k·ln2 + r with |r| ≤ ln2/2, then a degree-11 Taylor
        /// polynomial of e^r (its remainder is below 7e-15 there), scaled by 2^k through the exponent bits. Ample for
        /// float results; double-precision networks keep System.Math for transcendental functions.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Exp(Vector256<double> x)
        {
            x = Vector256.Min(Vector256.Max(x, Vector256.Create(-708.0)), Vector256.Create(709.0));
            Vector256<double> k = Vector256.Floor(x * Vector256.Create(Log2E) + Vector256.Create(0.5));
            Vector256<double> r = x - k * Vector256.Create(Ln2Hi) - k * Vector256.Create(Ln2Lo);
            Vector256<double> p = Vector256.Create(1.0 / 39916800);
            p = p * r + Vector256.Create(1.0 / 3628800);
            p = p * r + Vector256.Create(1.0 / 362880);
            p = p * r + Vector256.Create(1.0 / 40320);
            p = p * r + Vector256.Create(1.0 / 5040);
            p = p * r + Vector256.Create(1.0 / 720);
            p = p * r + Vector256.Create(1.0 / 120);
            p = p * r + Vector256.Create(1.0 / 24);
            p = p * r + Vector256.Create(1.0 / 6);
            p = p * r + Vector256.Create(0.5);
            p = p * r + Vector256.Create(1.0);
            p = p * r + Vector256.Create(1.0);
            Vector256<long> bits = (Vector256.ConvertToInt64(k) + Vector256.Create(1023L)) << 52;
            return p * bits.AsDouble();
        }

        /// <summary>tanh(x) in double lanes: x itself for |x| &lt; 4e-4 (exact in float), else sign(x)·(1 − 2/(e^(2|x|) + 1)).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Tanh(Vector256<double> x)
        {
            Vector256<double> a = Vector256.Min(Vector256.Abs(x), Vector256.Create(20.0));
            Vector256<double> t = Vector256.Create(1.0) - Vector256.Create(2.0) / (Exp(a + a) + Vector256.Create(1.0));
            t = Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(4e-4)), a, t);
            return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), -t, t);
        }

        /// <summary>1/(1 + e^(−x)) in double lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Sigmoid(Vector256<double> x)
            => Vector256.Create(1.0) / (Vector256.Create(1.0) + Exp(-x));

        // Adding this to y (|y| < 2^22) rounds y to an integer k and leaves 127 + k in the low bits of the float: shifted
        // into the exponent field, they make 2^k (for k in [−127, 128]: 2^−127 comes out as 0, 2^128 as +∞).
        private const float RoundAndBias = 12582912f + 127f;   // 1.5·2^23 + 127

        /// <summary>
        /// tanh of eight floats within 2 ulp (checked for every float; 1 ulp or better for all but a few in ten thousand):
        /// tanh|x| = H/(1 + H) with H = (e^(2t) − 1)/2 and t = min(|x|, 10) (tanh is 1 in float from 9.02), then the sign of
        /// x. H comes from 2t = k·ln2 + r, |r| ≤ ln2/2, as 2^k·(e^r − 1)/2 + (2^k − 1)/2 with a degree-7 polynomial for
        /// e^r − 1, so it keeps its digits near 0 (H ≈ |x|) without a separate branch for small x, and nothing overflows.
        /// NaN in gives NaN.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tanh(Vector256<float> x)
        {
            Vector256<float> signBit = Vector256.Create(-0f);
            Vector256<float> t = MinOrNaN(Vector256.Create(10f), Vector256.AndNot(x, signBit));
            Vector256<float> v = MultiplyAdd(t, Vector256.Create((float)(2 * Log2E)), Vector256.Create(RoundAndBias));
            Vector256<float> k = v - Vector256.Create(RoundAndBias);
            Vector256<float> s = MultiplyAdd(k, Vector256.Create((float)(-0.6931471805599453 / 2)), t);   // r/2, |s| ≤ ln2/4
            // h = (e^(2s) − 1)/2 = s + s²·P(s), a near-minimax fit (relative error 2e-9). P by Estrin's scheme: three
            // pairs of coefficients, each a·s + b, joined by s² and s⁴, so P is three dependent operations deep where
            // Horner's rule makes five (the activation's latency is what a small network waits on).
            Vector256<float> s2 = s * s;
            Vector256<float> p01 = MultiplyAdd(Vector256.Create(0.6666667f), s, Vector256.Create(1f));
            Vector256<float> p23 = MultiplyAdd(Vector256.Create(0.13333297f), s, Vector256.Create(0.33333173f));
            Vector256<float> p45 = MultiplyAdd(Vector256.Create(0.012730228f), s, Vector256.Create(0.044587653f));
            Vector256<float> p = MultiplyAdd(p45, s2 * s2, MultiplyAdd(p23, s2, p01));
            Vector256<float> h = MultiplyAdd(s2, p, s);
            Vector256<float> scale = (v.AsInt32() << 23).AsSingle();   // 2^k, k in [0, 29]
            Vector256<float> halfExpm1 = MultiplyAdd(scale, h, MultiplyAdd(scale, Vector256.Create(0.5f), Vector256.Create(-0.5f)));
            return halfExpm1 / (halfExpm1 + Vector256.Create(1f)) | (x & signBit);
        }

        /// <summary>
        /// The logistic sigmoid 1/(1 + e^(−x)) of eight floats, within 2 ulp where the result is a normal float (checked for
        /// every float): with e = e^(−|x|), (x &lt; 0 ? e : 1)/(1 + e). e comes from −|x| = k·ln2 + r (ln2 in two parts),
        /// |r| ≤ ln2/2, and a degree-6 minimax polynomial of e^r, scaled by 2^k; from |x| = 87.7 on (e^(−|x|) is subnormal
        /// from 87.3), e is 0 and the sigmoid exactly 0 or 1. NaN in gives NaN.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Sigmoid(Vector256<float> x)
        {
            Vector256<float> t = MaxOrNaN(Vector256.Create(-88f), x | Vector256.Create(-0f));   // −|x| ≥ −88: k ≥ −127
            Vector256<float> v = MultiplyAdd(t, Vector256.Create((float)Log2E), Vector256.Create(RoundAndBias));
            Vector256<float> k = v - Vector256.Create(RoundAndBias);
            Vector256<float> r = MultiplyAdd(k, Vector256.Create(-0.693359375f), t);
            r = MultiplyAdd(k, Vector256.Create(2.12194440e-4f), r);
            Vector256<float> p = Vector256.Create(0.0013814585f);
            p = MultiplyAdd(p, r, Vector256.Create(0.008368727f));
            p = MultiplyAdd(p, r, Vector256.Create(0.04166839f));
            p = MultiplyAdd(p, r, Vector256.Create(0.16666521f));
            p = MultiplyAdd(p, r, Vector256.Create(0.49999994f));
            p = MultiplyAdd(p, r, Vector256.Create(1f));
            p = MultiplyAdd(p, r, Vector256.Create(1f));
            Vector256<float> e = p * (v.AsInt32() << 23).AsSingle();
            return SelectBySign(x, e, Vector256.Create(1f)) / (Vector256.Create(1f) + e);
        }

        // min(c, x), and x where x is NaN, in one vminps on every runtime: it returns its second operand when either is NaN
        // (Vector256.Min propagates NaN only from .NET 9 on).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> MinOrNaN(Vector256<float> c, Vector256<float> x)
            => System.Runtime.Intrinsics.X86.Avx.IsSupported ? System.Runtime.Intrinsics.X86.Avx.Min(c, x) : KeepNaN(x, Vector256.Min(c, x));

        // max(c, x), and x where x is NaN.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> MaxOrNaN(Vector256<float> c, Vector256<float> x)
            => System.Runtime.Intrinsics.X86.Avx.IsSupported ? System.Runtime.Intrinsics.X86.Avx.Max(c, x) : KeepNaN(x, Vector256.Max(c, x));

        // negative where the sign bit of x is set (−0 and negative NaNs included), else positive: one vblendvps.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> SelectBySign(Vector256<float> x, Vector256<float> negative, Vector256<float> positive)
            => System.Runtime.Intrinsics.X86.Avx.IsSupported
                ? System.Runtime.Intrinsics.X86.Avx.BlendVariable(positive, negative, x)
                : Vector256.ConditionalSelect(Vector256.ShiftRightArithmetic(x.AsInt32(), 31).AsSingle(), negative, positive);

        // The clamps (Min/Max) would turn a NaN lane into a number on some runtimes; a NaN input gives NaN, as Math does.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> KeepNaN(Vector256<float> x, Vector256<float> result)
            => Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);

        /// <summary>
        /// e^x of eight floats within 1 ulp where the result is a normal float: x = k·ln2 + r (ln2 in two parts), a degree-6
        /// minimax polynomial of e^r, scaled by 2^k through the exponent bits; +∞ above 88.7, and 0 below −87.3, where the
        /// exact result would be subnormal (flushed to zero, as activations never need it).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Exp(Vector256<float> x)
        {
            Vector256<float> x0 = x;
            Vector256<float> overflow = Vector256.GreaterThan(x, Vector256.Create(88.72283f));
            Vector256<float> underflow = Vector256.LessThan(x, Vector256.Create(-87.33654f));
            x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87.33654f)), Vector256.Create(88.72283f));
            Vector256<float> k = Vector256.Floor(MultiplyAdd(x, Vector256.Create(1.44269504088896341f), Vector256.Create(0.5f)));
            Vector256<float> r = MultiplyAdd(k, Vector256.Create(-0.693359375f), x);
            r = MultiplyAdd(k, Vector256.Create(2.12194440e-4f), r);
            Vector256<float> p = Vector256.Create(1.9875691500e-4f);
            p = MultiplyAdd(p, r, Vector256.Create(1.3981999507e-3f));
            p = MultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
            p = MultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
            p = MultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
            p = MultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
            p = MultiplyAdd(p * r, r, r) + Vector256.Create(1f);
            // 2^k for k in [−126, 128]: split so that each factor is a normal float.
            Vector256<int> ki = Vector256.ConvertToInt32(k);
            Vector256<int> half = ki >> 1;
            Vector256<float> scale1 = ((half + Vector256.Create(127)) << 23).AsSingle();
            Vector256<float> scale2 = ((ki - half + Vector256.Create(127)) << 23).AsSingle();
            Vector256<float> result = p * scale1 * scale2;
            result = Vector256.ConditionalSelect(overflow, Vector256.Create(float.PositiveInfinity), result);
            return KeepNaN(x0, Vector256.ConditionalSelect(underflow, Vector256<float>.Zero, result));
        }

        /// <summary>tanh of eight floats computed in double lanes: within 1 ulp of the correctly rounded result (the reference path).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> TanhViaDouble(Vector256<float> x)
        {
            (Vector256<double> lower, Vector256<double> upper) = Widen(x);
            return Narrow(Tanh(lower), Tanh(upper));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector256<double> Lower, Vector256<double> Upper) Widen(Vector256<float> x)
            => (Vector256.WidenLower(x), Vector256.WidenUpper(x));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Narrow(Vector256<double> lower, Vector256<double> upper) => Vector256.Narrow(lower, upper);

        /// <summary>a·b + c, fused when the processor has FMA (one rounding), else multiplied then added.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
            => System.Runtime.Intrinsics.X86.Fma.IsSupported ? System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a, b, c) : a * b + c;

        /// <inheritdoc cref="MultiplyAdd(Vector256{float}, Vector256{float}, Vector256{float})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c)
            => System.Runtime.Intrinsics.X86.Fma.IsSupported ? System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a, b, c) : a * b + c;

        /// <inheritdoc cref="MultiplyAdd(Vector256{float}, Vector256{float}, Vector256{float})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
            => System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? System.Runtime.Intrinsics.X86.Avx512F.FusedMultiplyAdd(a, b, c) : a * b + c;

        /// <inheritdoc cref="MultiplyAdd(Vector256{float}, Vector256{float}, Vector256{float})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c)
            => System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? System.Runtime.Intrinsics.X86.Avx512F.FusedMultiplyAdd(a, b, c) : a * b + c;

        /// <summary>
        /// A 512-bit accumulator folded to 256 bits, lower half plus upper half: the same lane sums, half as many lanes, so
        /// the 256-bit horizontal-add trees (<see cref="SumEach(Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float})"/>,
        /// <see cref="SumFour"/>) finish the sums of the generated 512-bit kernels.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Fold(Vector512<float> a) => a.GetLower() + a.GetUpper();

        /// <inheritdoc cref="Fold(Vector512{float})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Fold(Vector512<double> a) => a.GetLower() + a.GetUpper();

        /// <summary>
        /// The sums of eight vectors' lanes, as one vector: result[r] = Σ rows[r]. With AVX this is a horizontal-add
        /// tree (nine instructions for eight sums); otherwise eight <see cref="Vector256.Sum{T}(Vector256{T})"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> SumEach(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3,
            Vector256<float> r4, Vector256<float> r5, Vector256<float> r6, Vector256<float> r7)
        {
            if (System.Runtime.Intrinsics.X86.Avx.IsSupported)
            {
                Vector256<float> t0 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r0, r1);
                Vector256<float> t1 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r2, r3);
                Vector256<float> t2 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r4, r5);
                Vector256<float> t3 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r6, r7);
                Vector256<float> u0 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(t0, t1);
                Vector256<float> u1 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(t2, t3);
                // u0 = [s0 s1 s2 s3 | s0' s1' s2' s3'] (low and high 128-bit halves of rows 0-3), u1 likewise for rows 4-7.
                return System.Runtime.Intrinsics.X86.Avx.Permute2x128(u0, u1, 0x20) + System.Runtime.Intrinsics.X86.Avx.Permute2x128(u0, u1, 0x31);
            }
            return Vector256.Create(Vector256.Sum(r0), Vector256.Sum(r1), Vector256.Sum(r2), Vector256.Sum(r3),
                Vector256.Sum(r4), Vector256.Sum(r5), Vector256.Sum(r6), Vector256.Sum(r7));
        }

        /// <summary>
        /// The sums of four vectors' lanes, as one 128-bit vector: result[r] = Σ rows[r]. With AVX, three horizontal adds and
        /// one add of the halves: each row summed in the same order as by
        /// <see cref="SumEach(Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float}, Vector256{float})"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> SumFour(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3)
        {
            if (System.Runtime.Intrinsics.X86.Avx.IsSupported)
            {
                Vector256<float> t0 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r0, r1);
                Vector256<float> t1 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r2, r3);
                Vector256<float> u = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(t0, t1);   // [s0 s1 s2 s3 | s0' s1' s2' s3']
                return u.GetLower() + u.GetUpper();
            }
            return Vector128.Create(Vector256.Sum(r0), Vector256.Sum(r1), Vector256.Sum(r2), Vector256.Sum(r3));
        }

        /// <summary>
        /// The sums of eight rows of four floats held two to a vector (row 2k in the lower half of <c>pk</c>, row 2k + 1 in
        /// the upper), as one vector: result[r] = Σ row r. With AVX, three horizontal adds and one permutation.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> SumQuads(Vector256<float> p0, Vector256<float> p1, Vector256<float> p2, Vector256<float> p3)
        {
            if (System.Runtime.Intrinsics.X86.Avx.IsSupported)
            {
                Vector256<float> t0 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(p0, p1);
                Vector256<float> t1 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(p2, p3);
                // [r0 r2 r4 r6 | r1 r3 r5 r7]
                Vector256<float> u = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(t0, t1);
                return Vector256.Shuffle(u, Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7));
            }
            return Vector256.Create(Vector128.Sum(p0.GetLower()), Vector128.Sum(p0.GetUpper()), Vector128.Sum(p1.GetLower()), Vector128.Sum(p1.GetUpper()),
                Vector128.Sum(p2.GetLower()), Vector128.Sum(p2.GetUpper()), Vector128.Sum(p3.GetLower()), Vector128.Sum(p3.GetUpper()));
        }

        /// <summary>The sums of four double vectors' lanes, as one vector.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> SumEach(Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3)
        {
            if (System.Runtime.Intrinsics.X86.Avx.IsSupported)
            {
                Vector256<double> t0 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r0, r1);   // [a0+a1, b0+b1 | a2+a3, b2+b3]
                Vector256<double> t1 = System.Runtime.Intrinsics.X86.Avx.HorizontalAdd(r2, r3);
                return System.Runtime.Intrinsics.X86.Avx.Permute2x128(t0, t1, 0x20) + System.Runtime.Intrinsics.X86.Avx.Permute2x128(t0, t1, 0x31);
            }
            return Vector256.Create(Vector256.Sum(r0), Vector256.Sum(r1), Vector256.Sum(r2), Vector256.Sum(r3));
        }
    }
}
#endif
