using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// <see cref="NetworkMath.SumOfSquares(ReadOnlySpan{float})"/>, the squared gradient norm of clipping: every length up
    /// to past three SIMD blocks (so each remainder after the vector loop), exactly on integers (whose sums are exact in
    /// double whatever the order), and against the sequential sum on random values.
    /// </summary>
    public class SumOfSquaresTests
    {
        public static TheoryData<int> Lengths()
        {
            var lengths = new TheoryData<int>();
            foreach (int n in Enumerable.Range(0, 53).Concat(new[] { 101_770 })) lengths.Add(n);
            return lengths;
        }

        [Theory]
        [MemberData(nameof(Lengths))]
        public void Float_integers_sum_exactly(int length)
        {
            float[] values = Enumerable.Range(0, length).Select(i => (float)(i % 7 - 3) * (i + 1)).ToArray();
            double expected = 0;
            foreach (float v in values) expected += (double)v * v;
            Assert.Equal(expected, NetworkMath.SumOfSquares(values));
        }

        [Theory]
        [MemberData(nameof(Lengths))]
        public void Double_integers_sum_exactly(int length)
        {
            double[] values = Enumerable.Range(0, length).Select(i => (double)(i % 7 - 3) * (i + 1)).ToArray();
            double expected = 0;
            foreach (double v in values) expected += v * v;
            Assert.Equal(expected, NetworkMath.SumOfSquares(values));
        }

        [Fact]
        public void Random_values_agree_with_the_sequential_sum()
        {
            var random = new Random(5);
            foreach (int length in new[] { 15, 16, 17, 31, 33, 1000, 101_770 })
            {
                float[] floats = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1) * 1e-3f).ToArray();
                double[] doubles = floats.Select(f => (double)f * 3.7).ToArray();
                double expectedFloat = 0, expectedDouble = 0;
                foreach (float v in floats) expectedFloat += (double)v * v;
                foreach (double v in doubles) expectedDouble += v * v;
                // Only the order of the additions differs. The worst case is about n·2⁻⁵³ relative (1e-11 for 101,770); with terms
                // of one sign and similar size the rounding errors mostly cancel, and 1e-13 holds for these seeded values.
                Assert.InRange(Math.Abs(NetworkMath.SumOfSquares(floats) - expectedFloat), 0, 1e-13 * expectedFloat);
                Assert.InRange(Math.Abs(NetworkMath.SumOfSquares(doubles) - expectedDouble), 0, 1e-13 * expectedDouble);
            }
        }

        [Fact]
        public void The_SIMD_path_is_the_one_tested()
        {
            // On a machine without 256-bit SIMD the tests above would check only the scalar loop.
            Assert.True(Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "no vectors are accelerated here, so only the scalar path was tested.");
        }
    }
}
