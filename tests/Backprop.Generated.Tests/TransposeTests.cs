using System;
using System.Linq;
using Backprop.Generated.Tests.Infrastructure;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// VectorMath.Transpose, which the batched forward uses to read Wᵀ: every element lands where the definition puts it,
    /// through the 16×16 (float) and 8×8 (double) register blocks and the element-by-element edges around them.
    /// </summary>
    public sealed class TransposeTests
    {
        [Theory]
        [InlineData(16, 16)]
        [InlineData(64, 64)]
        [InlineData(48, 80)]
        [InlineData(64, 37)]
        [InlineData(17, 33)]
        [InlineData(3, 5)]
        [InlineData(1, 20)]
        [InlineData(0, 7)]
        public void Float_transpose_puts_every_element_in_place(int rows, int columns)
        {
            // Distinct values that name their position: a misplaced element cannot match by accident.
            float[] matrix = Enumerable.Range(0, rows * columns).Select(k => (float)k).ToArray();
            float[] transposed = Enumerable.Repeat(-1f, rows * columns + 3).ToArray();
            VectorMath.Transpose(matrix, rows, columns, transposed);
            AssertTransposed(matrix, rows, columns, transposed, -1f);
        }

        [Theory]
        [InlineData(8, 8)]
        [InlineData(32, 64)]
        [InlineData(48, 37)]
        [InlineData(9, 13)]
        [InlineData(2, 3)]
        public void Double_transpose_puts_every_element_in_place(int rows, int columns)
        {
            double[] matrix = Enumerable.Range(0, rows * columns).Select(k => k + 0.5).ToArray();
            double[] transposed = Enumerable.Repeat(-1.0, rows * columns + 3).ToArray();
            VectorMath.Transpose(matrix, rows, columns, transposed);
            AssertTransposed(matrix, rows, columns, transposed, -1.0);
        }

        /// <summary>Every element of <paramref name="matrix"/> at its transposed place, and the three after them still <paramref name="untouched"/>.</summary>
        private static void AssertTransposed<T>(T[] matrix, int rows, int columns, T[] transposed, T untouched) where T : IEquatable<T>
        {
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < columns; j++)
                    Assert.True(transposed[j * rows + i].Equals(matrix[i * columns + j]), "element (" + i + ", " + j + ") of a " + rows + "×" + columns + " matrix: " + transposed[j * rows + i]);
            Assert.Equal(new[] { untouched, untouched, untouched }, transposed.Skip(rows * columns));
        }

        [Fact]
        public void The_cached_transpose_is_redone_exactly_when_a_bit_of_the_matrix_changed()
        {
            const int rows = 32, columns = 20;
            float[] matrix = Enumerable.Range(0, rows * columns).Select(k => k * 0.5f - 7f).ToArray();
            float[] copy = new float[rows * columns], transposed = new float[rows * columns];
            Assert.True(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed));
            Assert.Equal(matrix, copy);
            Assert.Equal(Transposed(matrix, rows, columns), transposed);
            Assert.False(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed));

            // -0 equals 0 as a float, and NaNs are equal to float.Equals; neither pair is the same weight bit for bit.
            int at = rows * columns - 1;
            foreach ((float before, float after) in new[] { (1f, 3f), (0f, -0f), (BitConverter.Int32BitsToSingle(0x7FC00000), BitConverter.Int32BitsToSingle(0x7FC00001)) })
            {
                matrix[at] = before;
                VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed);
                matrix[at] = after;
                Assert.True(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed), "a change from " + before + " to " + after);
                Assert.Equal(BitConverter.SingleToInt32Bits(after), BitConverter.SingleToInt32Bits(transposed[at]));
                Assert.False(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed), "no change after " + after);
            }
            Assert.Equal(Transposed(matrix, rows, columns).Select(BitConverter.SingleToInt32Bits), transposed.Select(BitConverter.SingleToInt32Bits));
        }

        /// <summary>
        /// The comparison reads 256 bytes at a time, then 32, then 16, then single bytes: a change of the lowest bit of any
        /// one element is seen, whichever of those parts holds it (1×1: bytes only; 8×9: 256 + 32; 7×11: 256 + 32 + 16 + 4;
        /// 17×19: 5 × 256 + 12).
        /// </summary>
        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 3)]
        [InlineData(8, 9)]
        [InlineData(7, 11)]
        [InlineData(17, 19)]
        public void A_change_of_one_bit_of_any_element_is_seen(int rows, int columns)
        {
            float[] matrix = Enumerable.Range(0, rows * columns).Select(k => k * 0.25f + 1f).ToArray();
            float[] copy = new float[rows * columns], transposed = new float[rows * columns];
            Assert.True(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed));
            for (int at = 0; at < matrix.Length; at++)
            {
                float before = matrix[at];
                matrix[at] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(before) ^ 1);
                Assert.True(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed), "element " + at + " of " + rows + "×" + columns);
                Assert.Equal(Transposed(matrix, rows, columns), transposed);
                Assert.False(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed), "element " + at + ", no further change");
                matrix[at] = before;
                // Taking the change back is a change too; afterwards the copy holds the original again, so the next element's
                // flip is the only difference its comparison sees.
                Assert.True(VectorMath.TransposeIfChanged(matrix, rows, columns, copy, transposed), "element " + at + " restored");
            }
        }

        private static float[] Transposed(float[] matrix, int rows, int columns)
        {
            var result = new float[rows * columns];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < columns; j++)
                    result[j * rows + i] = matrix[i * columns + j];
            return result;
        }

        /// <summary>
        /// Which dense layers ForwardBatch computes from Wᵀ (T) or from W (W): outputs in whole 512-bit vectors and W of at
        /// most 32 KB; and whether the first reads the caller's inputs where they are ("in"), which it may when it alone
        /// reads the network input.
        /// </summary>
        [Theory]
        [InlineData("Single", "[Input(64)] [Dense(64)] [Tanh] [Dense(64)] [Tanh] [Dense(10)]", "TTW in")]
        [InlineData("Single", "[Input(784)] [Dense(128)] [ReLU] [Dense(10)]", "WW")]                              // 401 KB
        [InlineData("Single", "[Input(16)] [Dense(24)] [ReLU] [Dense(32)] [Dense(4)]", "WTW")]                     // 24 outputs: no whole vectors
        [InlineData("Single", "[Input(16)] [Dense(16, Kernel = Kernel.Scalar)] [Dense(16)]", "WT")]                // a scalar layer has no tile kernel
        [InlineData("Single", "[Input(16, Name = \"x\")] [Dense(16)] [Add(\"x\")] [Dense(4)]", "TW")]        // the input is read twice: copied
        [InlineData("Single", "[Input(4)] [Dense(16)] [ReLU] [Dense(3)]", "WW")]                                   // fan-in under a 256-bit vector
        [InlineData("Double", "[Input(40)] [Dense(8)] [ReLU] [Dense(64)] [Dense(4)]", "TTW in")]                  // 8 doubles are a vector; 64×64 doubles 32 KB
        [InlineData("Double", "[Input(80)] [Dense(64)] [ReLU] [Dense(4)]", "WW")]                                  // 40 KB
        public void ForwardBatch_reads_W_transposed_where_its_outputs_are_whole_512_bit_vectors(string precision, string layers, string expected)
        {
            GeneratorOutput output = GeneratorHarness.Run("using Backprop.Generated;\nnamespace K { [Network(Precision." + precision + ")] " + layers + " [MeanSquaredError] [Sgd] public partial class M { } }");
            Assert.Empty(output.GeneratorDiagnostics);
            string source = output.Sources.Values.Single();
            var decisions = new System.Text.StringBuilder();
            int index = 0;
            foreach (string attribute in layers.Split(' ').Skip(1))
            {
                if (attribute.StartsWith("[Dense(", StringComparison.Ordinal))
                    decisions.Append(source.Contains("private void ForwardTransposed" + index + "(", StringComparison.Ordinal) ? 'T' : 'W');
                if (attribute.StartsWith("[", StringComparison.Ordinal)) index++;   // each attribute after the input is a layer
            }
            if (source.Contains("ForwardTransposed0(global::System.ReadOnlySpan<", StringComparison.Ordinal)) decisions.Append(" in");
            Assert.Equal(expected, decisions.ToString());
        }

        [Fact]
        public void Short_spans_are_refused_before_anything_is_written()
        {
            float[] transposed = new float[12];
            var shortMatrix = Assert.Throws<ArgumentException>(() => VectorMath.Transpose(new float[11], 3, 4, transposed));
            Assert.Equal("matrix has 11 values, but a 3×4 matrix needs 12. (Parameter 'matrix')", shortMatrix.Message);
            var shortOutput = Assert.Throws<ArgumentException>(() => VectorMath.Transpose(new double[12], 3, 4, new double[10]));
            Assert.Equal("transposed has room for 10 values, but a 3×4 matrix needs 12. (Parameter 'transposed')", shortOutput.Message);
            Assert.All(transposed, value => Assert.Equal(0f, value));
        }
    }
}
