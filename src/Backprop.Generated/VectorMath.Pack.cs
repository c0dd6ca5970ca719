#if NET8_0_OR_GREATER
using System;

namespace Backprop.Generated
{
    // Packing a weight matrix input-major, for the one-sample forward of a generated network's Inference. A dense layer
    // whose W does not fit L1 streams it from L2 on every sample; read row by row, each vector of W needs its vector of
    // x beside it, and the two streams compete. Input-major, each input k is one broadcast, and the weights of a block of
    // outputs for k are contiguous vectors that add to whole vectors of outputs: one sequential stream and no sums
    // across lanes.
    public static partial class VectorMath
    {
        /// <summary>
        /// Writes the row-major <paramref name="rows"/>×<paramref name="columns"/> matrix (rows are outputs, columns inputs)
        /// input-major in blocks of <paramref name="block"/> rows: the block of rows o .. o + b (b = min(block, rows − o))
        /// starts at o·columns, and within it column k's b values are contiguous,
        /// packed[o·columns + k·b + j] = matrix[(o + j)·columns + k]. The values are copied exactly.
        /// </summary>
        /// <exception cref="ArgumentException">A span does not hold rows × columns values, or a size is not positive.</exception>
        public static void PackInputMajor(ReadOnlySpan<float> matrix, int rows, int columns, int block, Span<float> packed)
        {
            CheckPack(matrix.Length, rows, columns, block, packed.Length);
            Pack(matrix, rows, columns, block, packed);
        }

        /// <summary>As <see cref="PackInputMajor(ReadOnlySpan{float}, int, int, int, Span{float})"/>, in double.</summary>
        /// <exception cref="ArgumentException">A span does not hold rows × columns values, or a size is not positive.</exception>
        public static void PackInputMajor(ReadOnlySpan<double> matrix, int rows, int columns, int block, Span<double> packed)
        {
            CheckPack(matrix.Length, rows, columns, block, packed.Length);
            Pack(matrix, rows, columns, block, packed);
        }

        private static void Pack<T>(ReadOnlySpan<T> matrix, int rows, int columns, int block, Span<T> packed)
        {
            for (int o = 0; o < rows; o += block)
            {
                int width = Math.Min(block, rows - o);
                Span<T> to = packed.Slice(o * columns, width * columns);
                for (int j = 0; j < width; j++)
                {
                    ReadOnlySpan<T> row = matrix.Slice((o + j) * columns, columns);
                    for (int k = 0; k < columns; k++) to[k * width + j] = row[k];
                }
            }
        }

        private static void CheckPack(int matrixLength, int rows, int columns, int block, int packedLength)
        {
            if (rows <= 0 || columns <= 0 || block <= 0) throw new ArgumentException("Packing a " + rows + "×" + columns + " matrix in blocks of " + block + " rows: every size must be positive.");
            long size = (long)rows * columns;
            if (matrixLength != size) throw new ArgumentException("matrix has " + matrixLength + " values, but a " + rows + "×" + columns + " matrix has " + size + ".", "matrix");
            if (packedLength != size) throw new ArgumentException("packed has room for " + packedLength + " values, but a " + rows + "×" + columns + " matrix has " + size + ".", "packed");
        }
    }
}
#endif
