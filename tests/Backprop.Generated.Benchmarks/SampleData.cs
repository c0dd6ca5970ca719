using System;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>
    /// The data every implementation sees: a fixed pool of samples, inputs and targets uniform in [−0.5, 0.5), from a
    /// seeded generator. Single-sample benchmarks walk through the pool and batch benchmarks alternate between its two
    /// halves, so repeated training does not collapse onto one sample (and its error towards zero).
    /// </summary>
    public sealed class SampleData
    {
        /// <summary>Samples in the pool: two batches.</summary>
        public const int PoolSize = 2 * BatchSize;

        /// <summary>Samples per batch in the batch benchmarks.</summary>
        public const int BatchSize = 32;

        /// <summary>Creates the pool for a network of <paramref name="shape"/>.</summary>
        public SampleData(NetworkShape shape, int seed)
        {
            InputSize = shape.InputSize;
            OutputSize = shape.OutputSize;
            var random = new Random(seed);
            Inputs = new float[PoolSize * InputSize];
            Targets = new float[PoolSize * OutputSize];
            for (int i = 0; i < Inputs.Length; i++) Inputs[i] = random.NextSingle() - 0.5f;
            for (int i = 0; i < Targets.Length; i++) Targets[i] = random.NextSingle() - 0.5f;
        }

        /// <summary>Features per input sample.</summary>
        public int InputSize { get; }

        /// <summary>Values per target sample.</summary>
        public int OutputSize { get; }

        /// <summary>Every input, sample after sample.</summary>
        public float[] Inputs { get; }

        /// <summary>Every target, sample after sample.</summary>
        public float[] Targets { get; }

        /// <summary>Sample <paramref name="s"/>'s input.</summary>
        public ReadOnlySpan<float> Input(int s) => Inputs.AsSpan(s * InputSize, InputSize);

        /// <summary>Sample <paramref name="s"/>'s target.</summary>
        public ReadOnlySpan<float> Target(int s) => Targets.AsSpan(s * OutputSize, OutputSize);

        /// <summary>Batch <paramref name="b"/>'s inputs (b is 0 or 1).</summary>
        public ReadOnlySpan<float> BatchInputs(int b) => Inputs.AsSpan(b * BatchSize * InputSize, BatchSize * InputSize);

        /// <summary>Batch <paramref name="b"/>'s targets (b is 0 or 1).</summary>
        public ReadOnlySpan<float> BatchTargets(int b) => Targets.AsSpan(b * BatchSize * OutputSize, BatchSize * OutputSize);
    }
}
