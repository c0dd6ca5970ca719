#if NET8_0_OR_GREATER
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Backprop.Generated
{
    // Transposing a weight matrix, for the batched forward of generated code on processors that run Vector512: with Wᵀ
    // a dense layer's outputs are whole vectors of a row of Wᵀ times one input broadcast, so the kernel needs no
    // horizontal sums. Generated code transposes at the start of a batch, from the parameters as they are then.
    public static partial class VectorMath
    {
        /// <summary>
        /// Writes the transpose of the row-major <paramref name="rows"/>×<paramref name="columns"/> matrix:
        /// transposed[j·rows + i] = matrix[i·columns + j]. AVX-512 moves 16×16 blocks through registers; the rest goes
        /// element by element. The values are copied exactly.
        /// </summary>
        /// <exception cref="ArgumentException">A span holds fewer than rows × columns values, or a size is negative.</exception>
        public static void Transpose(ReadOnlySpan<float> matrix, int rows, int columns, Span<float> transposed)
        {
            CheckTranspose(matrix.Length, rows, columns, transposed.Length);
            ref float m = ref MemoryMarshal.GetReference(matrix);
            ref float t = ref MemoryMarshal.GetReference(transposed);
            int blockRows = 0, blockColumns = 0;
            if (Avx512F.IsSupported)
            {
                blockRows = rows - rows % 16;
                blockColumns = columns - columns % 16;
                for (int i = 0; i < blockRows; i += 16)
                    for (int j = 0; j < blockColumns; j += 16)
                        TransposeSixteen(ref Unsafe.Add(ref m, i * columns + j), (nuint)columns, ref Unsafe.Add(ref t, j * rows + i), (nuint)rows);
            }
            TransposeRest(ref m, rows, columns, ref t, blockRows, blockColumns);
        }

        /// <summary>As <see cref="Transpose(ReadOnlySpan{float}, int, int, Span{float})"/>, in 8×8 blocks.</summary>
        /// <exception cref="ArgumentException">A span holds fewer than rows × columns values, or a size is negative.</exception>
        public static void Transpose(ReadOnlySpan<double> matrix, int rows, int columns, Span<double> transposed)
        {
            CheckTranspose(matrix.Length, rows, columns, transposed.Length);
            ref double m = ref MemoryMarshal.GetReference(matrix);
            ref double t = ref MemoryMarshal.GetReference(transposed);
            int blockRows = 0, blockColumns = 0;
            if (Avx512F.IsSupported)
            {
                blockRows = rows - rows % 8;
                blockColumns = columns - columns % 8;
                for (int i = 0; i < blockRows; i += 8)
                    for (int j = 0; j < blockColumns; j += 8)
                        TransposeEight(ref Unsafe.Add(ref m, i * columns + j), (nuint)columns, ref Unsafe.Add(ref t, j * rows + i), (nuint)rows);
            }
            TransposeRest(ref m, rows, columns, ref t, blockRows, blockColumns);
        }

        /// <summary>
        /// Keeps <paramref name="transposed"/> the transpose of <paramref name="matrix"/>, with <paramref name="copy"/> the
        /// matrix it was taken from: if matrix equals copy bit for bit, does nothing and returns false; otherwise copies
        /// matrix into copy, transposes it and returns true. Comparing reads the two matrices once, without the shuffles of
        /// a transpose.
        /// </summary>
        /// <exception cref="ArgumentException">A span holds fewer than rows × columns values, or a size is negative.</exception>
        public static bool TransposeIfChanged(ReadOnlySpan<float> matrix, int rows, int columns, Span<float> copy, Span<float> transposed)
        {
            if (!CopyIfChanged(matrix, rows, columns, copy, transposed.Length)) return false;
            Transpose(matrix, rows, columns, transposed);
            return true;
        }

        /// <summary>As <see cref="TransposeIfChanged(ReadOnlySpan{float}, int, int, Span{float}, Span{float})"/>.</summary>
        /// <exception cref="ArgumentException">A span holds fewer than rows × columns values, or a size is negative.</exception>
        public static bool TransposeIfChanged(ReadOnlySpan<double> matrix, int rows, int columns, Span<double> copy, Span<double> transposed)
        {
            if (!CopyIfChanged(matrix, rows, columns, copy, transposed.Length)) return false;
            Transpose(matrix, rows, columns, transposed);
            return true;
        }

        // Checks the lengths; if the matrix differs from copy in any bit, copies it there and returns true.
        private static bool CopyIfChanged<T>(ReadOnlySpan<T> matrix, int rows, int columns, Span<T> copy, int transposedLength) where T : unmanaged
        {
            CheckTranspose(matrix.Length, rows, columns, transposedLength);
            int size = rows * columns;
            if (copy.Length < size) throw new ArgumentException("copy has room for " + copy.Length + " values, but a " + rows + "×" + columns + " matrix needs " + size + ".", "copy");
            matrix = matrix.Slice(0, size);
            ReadOnlySpan<byte> now = MemoryMarshal.AsBytes(matrix), then = MemoryMarshal.AsBytes(copy.Slice(0, size));
            if (SameBits(ref MemoryMarshal.GetReference(now), ref MemoryMarshal.GetReference(then), (nuint)now.Length)) return false;
            matrix.CopyTo(copy);
            return true;
        }

        // Whether two runs of `length` bytes hold the same bits. Compiled optimized at its first call: a batch compares
        // every weight of its transposed layers, and CoreLib's SequenceEqual, which this replaces, can run for seconds at
        // its precompiled 128-bit code before tiering reaches it (three times slower here, a quarter of N3's batch).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool SameBits(ref byte a, ref byte b, nuint length)
        {
            nuint i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; i + 256 <= length; i += 256)
                {
                    Vector512<byte> differ = (Vector512.LoadUnsafe(ref a, i) ^ Vector512.LoadUnsafe(ref b, i))
                        | (Vector512.LoadUnsafe(ref a, i + 64) ^ Vector512.LoadUnsafe(ref b, i + 64))
                        | (Vector512.LoadUnsafe(ref a, i + 128) ^ Vector512.LoadUnsafe(ref b, i + 128))
                        | (Vector512.LoadUnsafe(ref a, i + 192) ^ Vector512.LoadUnsafe(ref b, i + 192));
                    if (differ != Vector512<byte>.Zero) return false;
                }
            }
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + 32 <= length; i += 32)
                    if (Vector256.LoadUnsafe(ref a, i) != Vector256.LoadUnsafe(ref b, i)) return false;
            }
            if (Vector128.IsHardwareAccelerated)
            {
                for (; i + 16 <= length; i += 16)
                    if (Vector128.LoadUnsafe(ref a, i) != Vector128.LoadUnsafe(ref b, i)) return false;
            }
            for (; i < length; i++)
                if (Unsafe.Add(ref a, i) != Unsafe.Add(ref b, i)) return false;
            return true;
        }

        private static void CheckTranspose(int matrixLength, int rows, int columns, int transposedLength)
        {
            if (rows < 0 || columns < 0) throw new ArgumentException("A matrix of " + rows + "×" + columns + " has a negative size.");
            long size = (long)rows * columns;
            if (matrixLength < size) throw new ArgumentException("matrix has " + matrixLength + " values, but a " + rows + "×" + columns + " matrix needs " + size + ".", "matrix");
            if (transposedLength < size) throw new ArgumentException("transposed has room for " + transposedLength + " values, but a " + rows + "×" + columns + " matrix needs " + size + ".", "transposed");
        }

        // Everything outside the top-left blockRows × blockColumns, one element at a time.
        private static void TransposeRest<T>(ref T m, int rows, int columns, ref T t, int blockRows, int blockColumns)
        {
            for (int i = 0; i < rows; i++)
                for (int j = i < blockRows ? blockColumns : 0; j < columns; j++)
                    Unsafe.Add(ref t, j * rows + i) = Unsafe.Add(ref m, i * columns + j);
        }

        // 16 rows of 16 floats, a row every `stride` floats, to 16 rows a row every `toStride` floats: pairs of rows
        // interleaved by element, then by pairs of elements, then the 128-bit blocks gathered in two rounds.
        private static void TransposeSixteen(ref float a, nuint stride, ref float to, nuint toStride)
        {
            Vector512<float> r0 = Vector512.LoadUnsafe(ref a), r1 = Vector512.LoadUnsafe(ref a, stride);
            Vector512<float> r2 = Vector512.LoadUnsafe(ref a, 2 * stride), r3 = Vector512.LoadUnsafe(ref a, 3 * stride);
            Vector512<float> r4 = Vector512.LoadUnsafe(ref a, 4 * stride), r5 = Vector512.LoadUnsafe(ref a, 5 * stride);
            Vector512<float> r6 = Vector512.LoadUnsafe(ref a, 6 * stride), r7 = Vector512.LoadUnsafe(ref a, 7 * stride);
            Vector512<float> r8 = Vector512.LoadUnsafe(ref a, 8 * stride), r9 = Vector512.LoadUnsafe(ref a, 9 * stride);
            Vector512<float> r10 = Vector512.LoadUnsafe(ref a, 10 * stride), r11 = Vector512.LoadUnsafe(ref a, 11 * stride);
            Vector512<float> r12 = Vector512.LoadUnsafe(ref a, 12 * stride), r13 = Vector512.LoadUnsafe(ref a, 13 * stride);
            Vector512<float> r14 = Vector512.LoadUnsafe(ref a, 14 * stride), r15 = Vector512.LoadUnsafe(ref a, 15 * stride);
            // Each 128-bit block of t(2k), t(2k + 1): elements 4b..4b+3 of rows 2k and 2k + 1, interleaved.
            Vector512<float> t0 = Avx512F.UnpackLow(r0, r1), t1 = Avx512F.UnpackHigh(r0, r1), t2 = Avx512F.UnpackLow(r2, r3), t3 = Avx512F.UnpackHigh(r2, r3);
            Vector512<float> t4 = Avx512F.UnpackLow(r4, r5), t5 = Avx512F.UnpackHigh(r4, r5), t6 = Avx512F.UnpackLow(r6, r7), t7 = Avx512F.UnpackHigh(r6, r7);
            Vector512<float> t8 = Avx512F.UnpackLow(r8, r9), t9 = Avx512F.UnpackHigh(r8, r9), t10 = Avx512F.UnpackLow(r10, r11), t11 = Avx512F.UnpackHigh(r10, r11);
            Vector512<float> t12 = Avx512F.UnpackLow(r12, r13), t13 = Avx512F.UnpackHigh(r12, r13), t14 = Avx512F.UnpackLow(r14, r15), t15 = Avx512F.UnpackHigh(r14, r15);
            // Each 128-bit block of r(4k + c): element 4b + c of rows 4k .. 4k + 3.
            r0 = PairsLow(t0, t2); r1 = PairsHigh(t0, t2); r2 = PairsLow(t1, t3); r3 = PairsHigh(t1, t3);
            r4 = PairsLow(t4, t6); r5 = PairsHigh(t4, t6); r6 = PairsLow(t5, t7); r7 = PairsHigh(t5, t7);
            r8 = PairsLow(t8, t10); r9 = PairsHigh(t8, t10); r10 = PairsLow(t9, t11); r11 = PairsHigh(t9, t11);
            r12 = PairsLow(t12, t14); r13 = PairsHigh(t12, t14); r14 = PairsLow(t13, t15); r15 = PairsHigh(t13, t15);
            // Blocks 0 and 2 of rows 4k and 4k + 4 (0x88), or blocks 1 and 3 (0xDD); then the same once more.
            t0 = Avx512F.Shuffle4x128(r0, r4, 0x88); t1 = Avx512F.Shuffle4x128(r1, r5, 0x88); t2 = Avx512F.Shuffle4x128(r2, r6, 0x88); t3 = Avx512F.Shuffle4x128(r3, r7, 0x88);
            t4 = Avx512F.Shuffle4x128(r0, r4, 0xDD); t5 = Avx512F.Shuffle4x128(r1, r5, 0xDD); t6 = Avx512F.Shuffle4x128(r2, r6, 0xDD); t7 = Avx512F.Shuffle4x128(r3, r7, 0xDD);
            t8 = Avx512F.Shuffle4x128(r8, r12, 0x88); t9 = Avx512F.Shuffle4x128(r9, r13, 0x88); t10 = Avx512F.Shuffle4x128(r10, r14, 0x88); t11 = Avx512F.Shuffle4x128(r11, r15, 0x88);
            t12 = Avx512F.Shuffle4x128(r8, r12, 0xDD); t13 = Avx512F.Shuffle4x128(r9, r13, 0xDD); t14 = Avx512F.Shuffle4x128(r10, r14, 0xDD); t15 = Avx512F.Shuffle4x128(r11, r15, 0xDD);
            Avx512F.Shuffle4x128(t0, t8, 0x88).StoreUnsafe(ref to); Avx512F.Shuffle4x128(t1, t9, 0x88).StoreUnsafe(ref to, toStride);
            Avx512F.Shuffle4x128(t2, t10, 0x88).StoreUnsafe(ref to, 2 * toStride); Avx512F.Shuffle4x128(t3, t11, 0x88).StoreUnsafe(ref to, 3 * toStride);
            Avx512F.Shuffle4x128(t4, t12, 0x88).StoreUnsafe(ref to, 4 * toStride); Avx512F.Shuffle4x128(t5, t13, 0x88).StoreUnsafe(ref to, 5 * toStride);
            Avx512F.Shuffle4x128(t6, t14, 0x88).StoreUnsafe(ref to, 6 * toStride); Avx512F.Shuffle4x128(t7, t15, 0x88).StoreUnsafe(ref to, 7 * toStride);
            Avx512F.Shuffle4x128(t0, t8, 0xDD).StoreUnsafe(ref to, 8 * toStride); Avx512F.Shuffle4x128(t1, t9, 0xDD).StoreUnsafe(ref to, 9 * toStride);
            Avx512F.Shuffle4x128(t2, t10, 0xDD).StoreUnsafe(ref to, 10 * toStride); Avx512F.Shuffle4x128(t3, t11, 0xDD).StoreUnsafe(ref to, 11 * toStride);
            Avx512F.Shuffle4x128(t4, t12, 0xDD).StoreUnsafe(ref to, 12 * toStride); Avx512F.Shuffle4x128(t5, t13, 0xDD).StoreUnsafe(ref to, 13 * toStride);
            Avx512F.Shuffle4x128(t6, t14, 0xDD).StoreUnsafe(ref to, 14 * toStride); Avx512F.Shuffle4x128(t7, t15, 0xDD).StoreUnsafe(ref to, 15 * toStride);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> PairsLow(Vector512<float> a, Vector512<float> b) => Avx512F.UnpackLow(a.AsDouble(), b.AsDouble()).AsSingle();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> PairsHigh(Vector512<float> a, Vector512<float> b) => Avx512F.UnpackHigh(a.AsDouble(), b.AsDouble()).AsSingle();

        // 8 rows of 8 doubles: pairs of rows interleaved by element; then each output row gathers one 128-bit block of
        // four of those (two rounds of Shuffle4x128).
        private static void TransposeEight(ref double a, nuint stride, ref double to, nuint toStride)
        {
            Vector512<double> r0 = Vector512.LoadUnsafe(ref a), r1 = Vector512.LoadUnsafe(ref a, stride);
            Vector512<double> r2 = Vector512.LoadUnsafe(ref a, 2 * stride), r3 = Vector512.LoadUnsafe(ref a, 3 * stride);
            Vector512<double> r4 = Vector512.LoadUnsafe(ref a, 4 * stride), r5 = Vector512.LoadUnsafe(ref a, 5 * stride);
            Vector512<double> r6 = Vector512.LoadUnsafe(ref a, 6 * stride), r7 = Vector512.LoadUnsafe(ref a, 7 * stride);
            // Block b of t(2k): elements 2b of rows 2k, 2k + 1; of t(2k + 1): elements 2b + 1.
            Vector512<double> t0 = Avx512F.UnpackLow(r0, r1), t1 = Avx512F.UnpackHigh(r0, r1), t2 = Avx512F.UnpackLow(r2, r3), t3 = Avx512F.UnpackHigh(r2, r3);
            Vector512<double> t4 = Avx512F.UnpackLow(r4, r5), t5 = Avx512F.UnpackHigh(r4, r5), t6 = Avx512F.UnpackLow(r6, r7), t7 = Avx512F.UnpackHigh(r6, r7);
            // [blocks 0, 1 of the first | blocks 0, 1 of the second] (0x44), or blocks 2, 3 (0xEE).
            Vector512<double> u0 = Avx512F.Shuffle4x128(t0, t2, 0x44), u1 = Avx512F.Shuffle4x128(t0, t2, 0xEE), u2 = Avx512F.Shuffle4x128(t4, t6, 0x44), u3 = Avx512F.Shuffle4x128(t4, t6, 0xEE);
            Vector512<double> u4 = Avx512F.Shuffle4x128(t1, t3, 0x44), u5 = Avx512F.Shuffle4x128(t1, t3, 0xEE), u6 = Avx512F.Shuffle4x128(t5, t7, 0x44), u7 = Avx512F.Shuffle4x128(t5, t7, 0xEE);
            Avx512F.Shuffle4x128(u0, u2, 0x88).StoreUnsafe(ref to); Avx512F.Shuffle4x128(u4, u6, 0x88).StoreUnsafe(ref to, toStride);
            Avx512F.Shuffle4x128(u0, u2, 0xDD).StoreUnsafe(ref to, 2 * toStride); Avx512F.Shuffle4x128(u4, u6, 0xDD).StoreUnsafe(ref to, 3 * toStride);
            Avx512F.Shuffle4x128(u1, u3, 0x88).StoreUnsafe(ref to, 4 * toStride); Avx512F.Shuffle4x128(u5, u7, 0x88).StoreUnsafe(ref to, 5 * toStride);
            Avx512F.Shuffle4x128(u1, u3, 0xDD).StoreUnsafe(ref to, 6 * toStride); Avx512F.Shuffle4x128(u5, u7, 0xDD).StoreUnsafe(ref to, 7 * toStride);
        }
    }
}
#endif
