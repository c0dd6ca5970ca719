using System;

namespace Backprop.Generated
{
    /// <summary>
    /// Scalar functions that <see cref="Math"/> lacks on every target (erf, log1p), used by generated activations.
    /// Accurate to a few ulp in double.
    /// </summary>
    public static class NetworkMath
    {
        private const double TwoOverSqrtPi = 1.1283791670955126;
        private const double OneOverSqrtPi = 0.5641895835477563;

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
