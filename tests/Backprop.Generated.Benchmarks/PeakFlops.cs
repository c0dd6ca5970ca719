using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>
    /// The core's peak float32 throughput, to set the networks' GFLOP/s against: a loop of independent fused multiply-adds
    /// on 8 accumulators (enough to hide an FMA latency of 4 cycles at 2 FMAs per cycle), nothing else in the loop body
    /// but the counter, once on Vector256 (8 lanes × 2 FLOPs = 16 FLOPs per FMA) and once on Vector512 (32 FLOPs), where
    /// the hardware has it. The core's peak is the faster of the two: a core that executes 512-bit FMAs at full width
    /// (this project's Zen 5) has twice the peak of its 256-bit code.
    /// </summary>
    /// <remarks>
    /// The accumulators converge to b/(1 − a) = 1 (a = 0.999, b = 0.001), so there is no overflow and no subnormal.
    /// Without FMA hardware the loop multiplies and adds separately (still counted as 16 FLOPs per vector step).
    /// </remarks>
    [SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8, id: "Short")]
    [Config(typeof(ThroughputConfig))]
    public class PeakFlops : IWorkload
    {
        /// <summary>Loop iterations per call: 8 accumulators each, 128 FLOPs per iteration.</summary>
        public const int Iterations = 1 << 20;

        private const int Accumulators = 8;

        /// <inheritdoc/>
        public Work Describe(string category)
            => new(Samples: 0, Flops: (long)Iterations * Accumulators * (category == "Vector512" ? Vector512<float>.Count : Vector256<float>.Count) * 2);

        /// <summary>Vector256 FMAs (Fma.MultiplyAdd where supported).</summary>
        [Benchmark(Description = "Vector256 FMA x8"), BenchmarkCategory("Vector256")]
        public float Fma256() => Fma.IsSupported ? FusedLoop() : SeparateLoop();

        /// <summary>Vector512 FMAs (Avx512F.FusedMultiplyAdd); without AVX-512 it reports nothing useful and says so.</summary>
        [Benchmark(Description = "Vector512 FMA x8"), BenchmarkCategory("Vector512")]
        public float Fma512()
        {
            if (!Avx512F.IsSupported) throw new System.PlatformNotSupportedException("No AVX-512 here: the Vector256 row is the peak.");
            return FusedLoop512();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float FusedLoop512()
        {
            Vector512<float> a = Vector512.Create(0.999f), b = Vector512.Create(0.001f);
            Vector512<float> c0 = Vector512.Create(0.1f), c1 = Vector512.Create(0.2f), c2 = Vector512.Create(0.3f), c3 = Vector512.Create(0.4f);
            Vector512<float> c4 = Vector512.Create(0.5f), c5 = Vector512.Create(0.6f), c6 = Vector512.Create(0.7f), c7 = Vector512.Create(0.8f);
            for (int i = 0; i < Iterations; i++)
            {
                c0 = Avx512F.FusedMultiplyAdd(c0, a, b);
                c1 = Avx512F.FusedMultiplyAdd(c1, a, b);
                c2 = Avx512F.FusedMultiplyAdd(c2, a, b);
                c3 = Avx512F.FusedMultiplyAdd(c3, a, b);
                c4 = Avx512F.FusedMultiplyAdd(c4, a, b);
                c5 = Avx512F.FusedMultiplyAdd(c5, a, b);
                c6 = Avx512F.FusedMultiplyAdd(c6, a, b);
                c7 = Avx512F.FusedMultiplyAdd(c7, a, b);
            }
            return Vector512.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float FusedLoop()
        {
            Vector256<float> a = Vector256.Create(0.999f), b = Vector256.Create(0.001f);
            Vector256<float> c0 = Vector256.Create(0.1f), c1 = Vector256.Create(0.2f), c2 = Vector256.Create(0.3f), c3 = Vector256.Create(0.4f);
            Vector256<float> c4 = Vector256.Create(0.5f), c5 = Vector256.Create(0.6f), c6 = Vector256.Create(0.7f), c7 = Vector256.Create(0.8f);
            for (int i = 0; i < Iterations; i++)
            {
                c0 = Fma.MultiplyAdd(c0, a, b);
                c1 = Fma.MultiplyAdd(c1, a, b);
                c2 = Fma.MultiplyAdd(c2, a, b);
                c3 = Fma.MultiplyAdd(c3, a, b);
                c4 = Fma.MultiplyAdd(c4, a, b);
                c5 = Fma.MultiplyAdd(c5, a, b);
                c6 = Fma.MultiplyAdd(c6, a, b);
                c7 = Fma.MultiplyAdd(c7, a, b);
            }
            return Vector256.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static float SeparateLoop()
        {
            Vector256<float> a = Vector256.Create(0.999f), b = Vector256.Create(0.001f);
            Vector256<float> c0 = Vector256.Create(0.1f), c1 = Vector256.Create(0.2f), c2 = Vector256.Create(0.3f), c3 = Vector256.Create(0.4f);
            Vector256<float> c4 = Vector256.Create(0.5f), c5 = Vector256.Create(0.6f), c6 = Vector256.Create(0.7f), c7 = Vector256.Create(0.8f);
            for (int i = 0; i < Iterations; i++)
            {
                c0 = c0 * a + b;
                c1 = c1 * a + b;
                c2 = c2 * a + b;
                c3 = c3 * a + b;
                c4 = c4 * a + b;
                c5 = c5 * a + b;
                c6 = c6 * a + b;
                c7 = c7 * a + b;
            }
            return Vector256.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)));
        }
    }
}
