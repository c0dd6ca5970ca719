using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>
    /// How fast one core reads a buffer it has just read, by the buffer's size: a floor for a single-sample forward pass,
    /// which must read every weight once. Each call sums the whole buffer with vector loads into 8 independent
    /// accumulators (8 loads in flight, more than the 2 per cycle the core can issue times the add latency of 3 cycles).
    /// The GB/s column is bytes read per call over the mean time per call.
    /// </summary>
    /// <remarks>
    /// Sizes (this project's Zen 5: 48 KiB L1d, 1 MiB L2, 32 MiB L3 per the OS): 24 KiB stays in L1; 407,080 bytes is
    /// N4's parameters (784×128 + 128 + 128×10 + 10 floats), read by every N4 forward pass, in L2 but not L1; 8 MiB is
    /// past L2. Each size is read with Vector256 loads and, where the hardware has AVX-512, with Vector512 loads: from L2
    /// the wider loads read faster here.
    /// </remarks>
    [SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8, id: "Short")]
    [Config(typeof(BandwidthConfig))]
    public class ReadBandwidth
    {
        private float[] _buffer = Array.Empty<float>();

        /// <summary>Bytes read per call.</summary>
        [Params(24 * 1024, 407_080, 8 * 1024 * 1024)]
        public int Bytes { get; set; }

        /// <summary>
        /// The floats a buffer of <paramref name="bytes"/> holds, rounded down to whole steps of 8 Vector512s (128 floats),
        /// so both loops read all of it: what each call reads, and what the GB/s column divides.
        /// </summary>
        public static int Floats(int bytes) => bytes / sizeof(float) / (8 * 16) * (8 * 16);

        /// <summary>Allocates the buffer and fills it with small values.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _buffer = new float[Floats(Bytes)];
            for (int i = 0; i < _buffer.Length; i++) _buffer[i] = (i % 7) * 0.125f;
        }

        /// <summary>The sum of the buffer, read once with Vector256 loads.</summary>
        [Benchmark(Description = "Vector256 read x8")]
        public float Read() => Sum(_buffer);

        /// <summary>The sum of the buffer, read once with Vector512 loads (AVX-512 only).</summary>
        [Benchmark(Description = "Vector512 read x8")]
        public float Read512()
        {
            if (!Vector512.IsHardwareAccelerated) throw new PlatformNotSupportedException("No accelerated Vector512 here: the Vector256 rows are the rate.");
            return Sum512(_buffer);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float Sum512(float[] buffer)
        {
            ref float start = ref MemoryMarshal.GetArrayDataReference(buffer);
            int n = Vector512<float>.Count;
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint i = 0; i < (nuint)buffer.Length; i += (nuint)(8 * n))
            {
                s0 += Vector512.LoadUnsafe(ref start, i);
                s1 += Vector512.LoadUnsafe(ref start, i + (nuint)n);
                s2 += Vector512.LoadUnsafe(ref start, i + (nuint)(2 * n));
                s3 += Vector512.LoadUnsafe(ref start, i + (nuint)(3 * n));
                s4 += Vector512.LoadUnsafe(ref start, i + (nuint)(4 * n));
                s5 += Vector512.LoadUnsafe(ref start, i + (nuint)(5 * n));
                s6 += Vector512.LoadUnsafe(ref start, i + (nuint)(6 * n));
                s7 += Vector512.LoadUnsafe(ref start, i + (nuint)(7 * n));
            }
            return Vector512.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float Sum(float[] buffer)
        {
            ref float start = ref MemoryMarshal.GetArrayDataReference(buffer);
            int n = Vector256<float>.Count;
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint i = 0; i < (nuint)buffer.Length; i += (nuint)(8 * n))
            {
                s0 += Vector256.LoadUnsafe(ref start, i);
                s1 += Vector256.LoadUnsafe(ref start, i + (nuint)n);
                s2 += Vector256.LoadUnsafe(ref start, i + (nuint)(2 * n));
                s3 += Vector256.LoadUnsafe(ref start, i + (nuint)(3 * n));
                s4 += Vector256.LoadUnsafe(ref start, i + (nuint)(4 * n));
                s5 += Vector256.LoadUnsafe(ref start, i + (nuint)(5 * n));
                s6 += Vector256.LoadUnsafe(ref start, i + (nuint)(6 * n));
                s7 += Vector256.LoadUnsafe(ref start, i + (nuint)(7 * n));
            }
            return Vector256.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }
    }

    /// <summary>Adds the GB/s column to <see cref="ReadBandwidth"/>.</summary>
    public sealed class BandwidthConfig : ManualConfig
    {
        /// <summary>The column.</summary>
        public BandwidthConfig() => AddColumn(new BandwidthColumn());
    }

    /// <summary>Bytes read per call (<see cref="ReadBandwidth.Floats"/>) over the mean time per call.</summary>
    public sealed class BandwidthColumn : IColumn
    {
        /// <inheritdoc/>
        public string Id => "GBps";
        /// <inheritdoc/>
        public string ColumnName => "GB/s";
        /// <inheritdoc/>
        public bool AlwaysShow => true;
        /// <inheritdoc/>
        public ColumnCategory Category => ColumnCategory.Custom;
        /// <inheritdoc/>
        public int PriorityInCategory => 0;
        /// <inheritdoc/>
        public bool IsNumeric => true;
        /// <inheritdoc/>
        public UnitType UnitType => UnitType.Dimensionless;
        /// <inheritdoc/>
        public string Legend => "Bytes read per second, in 10^9: bytes per call / Mean";

        /// <inheritdoc/>
        public bool IsAvailable(Summary summary) => true;
        /// <inheritdoc/>
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        /// <inheritdoc/>
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        /// <inheritdoc/>
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;   // nanoseconds per call
            if (mean is not double nanoseconds || nanoseconds <= 0) return "-";
            if (benchmarkCase.Parameters["Bytes"] is not int bytes) return "-";
            long read = (long)ReadBandwidth.Floats(bytes) * sizeof(float);
            return (read / nanoseconds).ToString("N1", CultureInfo.InvariantCulture);   // bytes per ns = GB/s
        }

        /// <inheritdoc/>
        public override string ToString() => ColumnName;
    }
}
