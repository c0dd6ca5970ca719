using System;

namespace Backprop.Generated
{
    /// <summary>
    /// A small, fast, deterministic random number generator (xoshiro256** seeded through SplitMix64). The same seed gives
    /// the same sequence on every runtime and platform, which <see cref="Random"/> does not promise.
    /// </summary>
    public sealed class SeededRandom
    {
        private ulong _s0, _s1, _s2, _s3;
        private double _spare;
        private bool _hasSpare;

        /// <summary>Creates a generator whose sequence is fixed by <paramref name="seed"/>.</summary>
        public SeededRandom(long seed)
        {
            ulong x = unchecked((ulong)seed);
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }

        private static ulong SplitMix(ref ulong x)
        {
            unchecked
            {
                ulong z = x += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            unchecked
            {
                ulong result = RotateLeft(_s1 * 5, 7) * 9;
                ulong t = _s1 << 17;
                _s2 ^= _s0;
                _s3 ^= _s1;
                _s1 ^= _s2;
                _s0 ^= _s3;
                _s2 ^= t;
                _s3 = RotateLeft(_s3, 45);
                return result;
            }
        }

        /// <summary>A uniformly distributed double in [0, 1), with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A uniformly distributed double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
        public double NextUniform(double low, double high) => low + (high - low) * NextDouble();

        /// <summary>A standard normal draw, N(0, 1), by the Marsaglia polar method (deterministic for the seed).</summary>
        public double NextGaussian()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }
            double u, v, s;
            do
            {
                u = NextDouble() * 2.0 - 1.0;
                v = NextDouble() * 2.0 - 1.0;
                s = u * u + v * v;
            } while (s >= 1.0 || s == 0.0);
            double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
            _spare = v * factor;
            _hasSpare = true;
            return u * factor;
        }

        /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
        public int NextInt(int maxExclusive)
        {
            if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The bound must be positive.");
            ulong bound = (ulong)maxExclusive;
            ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
            ulong r;
            do { r = NextUInt64(); } while (r >= limit);
            return (int)(r % bound);
        }

        /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
        public void Shuffle<T>(Span<T> values)
        {
            for (int i = values.Length - 1; i > 0; i--)
            {
                int j = NextInt(i + 1);
                T tmp = values[i];
                values[i] = values[j];
                values[j] = tmp;
            }
        }
    }
}
