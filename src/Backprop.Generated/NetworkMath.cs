using System;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace Backprop.Generated
{
    /// <summary>
    /// Functions that <see cref="Math"/> lacks on every target (erf, log1p), used by generated activations and accurate to
    /// a few ulp in double, and the sum of squares behind gradient-norm clipping.
    /// </summary>
    public static class NetworkMath
    {
        private const double TwoOverSqrtPi = 1.1283791670955126;
        private const double OneOverSqrtPi = 0.5641895835477563;

        /// <summary>
        /// Σ v², accumulated in double: the squared norm that gradient clipping takes of every gradient. Each float's square
        /// is exact in double, so only the additions round. On .NET 8 and later with SIMD hardware the floats are widened to
        /// double lanes and summed in sixteen partial sums (four vectors of four lanes), then those added; otherwise one at a time.
        /// </summary>
        public static double SumOfSquares(ReadOnlySpan<float> values)
        {
            int i = 0;
            double sum = 0;
#if NET8_0_OR_GREATER
            if (Vector256.IsHardwareAccelerated && values.Length >= 16)
            {
                ref float start = ref MemoryMarshal.GetReference(values);
                Vector256<double> s0 = Vector256<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
                for (; i <= values.Length - 16; i += 16)
                {
                    Vector256<float> a = Vector256.LoadUnsafe(ref start, (nuint)i), b = Vector256.LoadUnsafe(ref start, (nuint)(i + 8));
                    (Vector256<double> a0, Vector256<double> a1) = Vector256.Widen(a);
                    (Vector256<double> b0, Vector256<double> b1) = Vector256.Widen(b);
                    s0 += a0 * a0;
                    s1 += a1 * a1;
                    s2 += b0 * b0;
                    s3 += b1 * b1;
                }
                sum = Vector256.Sum((s0 + s1) + (s2 + s3));
            }
#endif
            for (; i < values.Length; i++) sum += (double)values[i] * values[i];
            return sum;
        }

        /// <summary>
        /// Σ v² of doubles: as <see cref="SumOfSquares(ReadOnlySpan{float})"/>, in sixteen partial sums with SIMD. The squares
        /// are rounded, and multiplied and added separately (never fused), so machines with the same path (SIMD or not) get the
        /// same bits; the two paths add in different orders.
        /// </summary>
        public static double SumOfSquares(ReadOnlySpan<double> values)
        {
            int i = 0;
            double sum = 0;
#if NET8_0_OR_GREATER
            if (Vector256.IsHardwareAccelerated && values.Length >= 16)
            {
                ref double start = ref MemoryMarshal.GetReference(values);
                Vector256<double> s0 = Vector256<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
                for (; i <= values.Length - 16; i += 16)
                {
                    Vector256<double> a = Vector256.LoadUnsafe(ref start, (nuint)i), b = Vector256.LoadUnsafe(ref start, (nuint)(i + 4));
                    Vector256<double> c = Vector256.LoadUnsafe(ref start, (nuint)(i + 8)), d = Vector256.LoadUnsafe(ref start, (nuint)(i + 12));
                    s0 += a * a;
                    s1 += b * b;
                    s2 += c * c;
                    s3 += d * d;
                }
                sum = Vector256.Sum((s0 + s1) + (s2 + s3));
            }
#endif
            for (; i < values.Length; i++) sum += values[i] * values[i];
            return sum;
        }

        /// <summary>The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt.</summary>
        public static double Erf(double x)
        {
            if (double.IsNaN(x)) return x;
            double a = Math.Abs(x);
            double r = a < 2.5 ? ErfSeries(a) : 1.0 - ErfcContinuedFraction(a);
            return x < 0 ? -r : r;
        }

        /// <summary>erf in single precision (computed in double and rounded once).</summary>
        public static float Erf(float x) => (float)Erf((double)x);

        // erf(x) = (2/√π)·e^(−x²)·Σₙ (2x²)ⁿ·x / (1·3·5···(2n+1)): every term positive, so no cancellation.
        private static double ErfSeries(double x)
        {
            double x2 = x * x;
            double term = x, sum = x;
            for (int n = 1; n < 200; n++)
            {
                term *= 2.0 * x2 / (2 * n + 1);
                sum += term;
                if (term < sum * 1e-17) break;
            }
            return TwoOverSqrtPi * Math.Exp(-x2) * sum;
        }

        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from the tail, x ≥ 2.5.
        private static double ErfcContinuedFraction(double x)
        {
            if (x > 27) return 0.0;
            double f = x;
            for (int k = 60; k >= 1; k--) f = x + (k * 0.5) / f;
            return Math.Exp(-x * x) * OneOverSqrtPi / f;
        }

        /// <summary>log(1 + x), accurate for small x.</summary>
        public static double Log1p(double x)
        {
            double u = 1.0 + x;
            if (u == 1.0) return x;
            if (double.IsInfinity(u)) return u;
            return Math.Log(u) * (x / (u - 1.0));
        }

        /// <summary>e^x − 1, accurate for small x (where exp(x) − 1 loses its digits to cancellation).</summary>
        public static double Expm1(double x)
        {
            double u = Math.Exp(x);
            if (u == 1.0) return x;
            double um1 = u - 1.0;
            if (um1 == -1.0) return -1.0;
            if (double.IsInfinity(u)) return u;
            return um1 * (x / Math.Log(u));
        }

        /// <summary>Single-precision <see cref="Expm1(double)"/> (computed in double and rounded once).</summary>
        public static float Expm1(float x) => (float)Expm1((double)x);

        /// <summary>log(1 + exp(x)), and x itself for x &gt; 20, as <c>torch.nn.functional.softplus</c>.</summary>
        public static double Softplus(double x) => x > 20.0 ? x : Log1p(Math.Exp(x));

        /// <summary>Single-precision <see cref="Softplus(double)"/>.</summary>
        public static float Softplus(float x) => x > 20f ? x : (float)Log1p(Math.Exp(x));
    }
}
