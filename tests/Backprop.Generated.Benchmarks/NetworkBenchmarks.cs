using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Backprop.Generated.Benchmarks.Baselines;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>The benchmark categories: one per operation, each with its own baseline (Jagged) and ratios.</summary>
    public static class Operation
    {
        /// <summary>Forward for one sample.</summary>
        public const string Forward = "Forward";
        /// <summary>Forward + backward (MSE) + one SGD step, one sample.</summary>
        public const string TrainStep = "TrainStep";
        /// <summary>Forward for a batch of 32 samples.</summary>
        public const string ForwardBatch = "ForwardBatch32";
        /// <summary>Gradients of 32 samples accumulated, then one SGD step on their mean.</summary>
        public const string TrainBatch = "TrainBatch32";
    }

    /// <summary>
    /// The four operations on one network, generated code against the three baselines, all from the same parameters
    /// (the generated network's, seed <see cref="Verification.Seed"/>) and the same data. The global setup runs
    /// <see cref="Verification.Verify{TGenerated}"/> first, so a benchmark never times an implementation that computes
    /// something else.
    /// </summary>
    /// <remarks>
    /// Each process runs one benchmark, so training benchmarks keep changing their own copy of the parameters; the data
    /// keeps them from converging onto one sample (<see cref="SampleData"/>).
    /// </remarks>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8, id: "Short")]
    [Config(typeof(ThroughputConfig))]
    public abstract class NetworkBenchmarks<TGenerated> : IWorkload where TGenerated : struct, IGeneratedAdapter<TGenerated>
    {
        private static readonly NetworkShape Shape = NetworkShape.Parse(TGenerated.Architecture);
        private TGenerated _generated;
        private JaggedNetwork _jagged = null!;
        private TensorPrimitivesNetwork _tensorPrimitives = null!;
        private MathNetNetwork _mathNet = null!;
        private SampleData _data = null!;
        private float[] _output = null!;
        private float[] _batchOutput = null!;
        private int _sample;
        private int _batch;

        /// <summary>Verifies the implementations, then creates the ones to measure from the same parameters.</summary>
        [GlobalSetup]
        public void Setup()
        {
            Verification.Verify<TGenerated>();
            _generated = TGenerated.Create(Verification.Seed);
            (_jagged, _tensorPrimitives, _mathNet) = Verification.CreateBaselines(_generated);
            _data = new SampleData(Shape, Verification.DataSeed);
            _output = new float[Shape.OutputSize];
            _batchOutput = new float[SampleData.BatchSize * Shape.OutputSize];
        }

        /// <inheritdoc/>
        public Work Describe(string category) => Work.ForNetwork(Shape, category);

        // The next sample of the pool, and the next batch (the two halves of the pool in turn): the same bookkeeping for all.
        private int NextSample()
        {
            int s = _sample;
            _sample = (s + 1) % SampleData.PoolSize;
            return s;
        }

        private int NextBatch() => _batch ^= 1;

        // ---- Forward, one sample ----

        /// <summary>Generated Forward.</summary>
        [Benchmark(Description = "Generated"), BenchmarkCategory(Operation.Forward)]
        public float Forward_Generated() { _generated.Forward(_data.Input(NextSample()), _output); return _output[0]; }

        /// <summary>
        /// Forward of the generated Inference: a copy of the parameters that only its CopyFrom changes, so it keeps the
        /// layers too large for L1 input-major (N4's first layer), which the trainable network cannot (see the README).
        /// </summary>
        [Benchmark(Description = "Generated Inference"), BenchmarkCategory(Operation.Forward)]
        public float Forward_Inference() { _generated.InferenceForward(_data.Input(NextSample()), _output); return _output[0]; }

        /// <summary>Jagged forward.</summary>
        [Benchmark(Baseline = true, Description = "Jagged"), BenchmarkCategory(Operation.Forward)]
        public float Forward_Jagged() { _jagged.Forward(_data.Input(NextSample()), _output); return _output[0]; }

        /// <summary>TensorPrimitives forward.</summary>
        [Benchmark(Description = "TensorPrimitives"), BenchmarkCategory(Operation.Forward)]
        public float Forward_TensorPrimitives() { _tensorPrimitives.Forward(_data.Input(NextSample()), _output); return _output[0]; }

        /// <summary>MathNet forward.</summary>
        [Benchmark(Description = "MathNet"), BenchmarkCategory(Operation.Forward)]
        public float Forward_MathNet() { _mathNet.Forward(_data.Input(NextSample()), _output); return _output[0]; }

        // ---- Training step, one sample: forward, backward, SGD ----

        /// <summary>
        /// Generated TrainBatch on the one sample: forward, backward and the SGD step, without the gradient with respect to
        /// the network input, which the baselines do not compute either (Backward + Step would add it: it exposes InputGradient).
        /// </summary>
        [Benchmark(Description = "Generated"), BenchmarkCategory(Operation.TrainStep)]
        public float TrainStep_Generated() { int s = NextSample(); return _generated.TrainBatch(_data.Input(s), _data.Target(s)); }

        /// <summary>Jagged Backward + Step.</summary>
        [Benchmark(Baseline = true, Description = "Jagged"), BenchmarkCategory(Operation.TrainStep)]
        public float TrainStep_Jagged() { int s = NextSample(); float loss = _jagged.Backward(_data.Input(s), _data.Target(s)); _jagged.Step(); return loss; }

        /// <summary>TensorPrimitives Backward + Step.</summary>
        [Benchmark(Description = "TensorPrimitives"), BenchmarkCategory(Operation.TrainStep)]
        public float TrainStep_TensorPrimitives() { int s = NextSample(); float loss = _tensorPrimitives.Backward(_data.Input(s), _data.Target(s)); _tensorPrimitives.Step(); return loss; }

        /// <summary>MathNet Backward + Step.</summary>
        [Benchmark(Description = "MathNet"), BenchmarkCategory(Operation.TrainStep)]
        public float TrainStep_MathNet() { int s = NextSample(); float loss = _mathNet.Backward(_data.Input(s), _data.Target(s)); _mathNet.Step(); return loss; }

        // ---- Forward, a batch of 32 ----

        /// <summary>Generated forward over 32 samples: the generated ForwardBatch.</summary>
        [Benchmark(Description = "Generated"), BenchmarkCategory(Operation.ForwardBatch)]
        public float ForwardBatch_Generated() { _generated.ForwardBatch(_data.BatchInputs(NextBatch()), _batchOutput); return _batchOutput[0]; }

        /// <summary>
        /// ForwardBatch of the generated Inference: where the network reads layers from Wᵀ (N3's 64→64 layers), the
        /// Inference took Wᵀ when it copied the parameters and does not compare them again each batch.
        /// </summary>
        [Benchmark(Description = "Generated Inference"), BenchmarkCategory(Operation.ForwardBatch)]
        public float ForwardBatch_Inference() { _generated.InferenceForwardBatch(_data.BatchInputs(NextBatch()), _batchOutput); return _batchOutput[0]; }

        /// <summary>Jagged forward over 32 samples.</summary>
        [Benchmark(Baseline = true, Description = "Jagged"), BenchmarkCategory(Operation.ForwardBatch)]
        public float ForwardBatch_Jagged() { _jagged.ForwardBatch(_data.BatchInputs(NextBatch()), _batchOutput); return _batchOutput[0]; }

        /// <summary>TensorPrimitives forward over 32 samples.</summary>
        [Benchmark(Description = "TensorPrimitives"), BenchmarkCategory(Operation.ForwardBatch)]
        public float ForwardBatch_TensorPrimitives() { _tensorPrimitives.ForwardBatch(_data.BatchInputs(NextBatch()), _batchOutput); return _batchOutput[0]; }

        /// <summary>MathNet forward over 32 samples, as one matrix product per layer.</summary>
        [Benchmark(Description = "MathNet"), BenchmarkCategory(Operation.ForwardBatch)]
        public float ForwardBatch_MathNet() { _mathNet.ForwardBatch(_data.BatchInputs(NextBatch()), _batchOutput); return _batchOutput[0]; }

        // ---- Training on a batch of 32: accumulate, then one SGD step on the mean gradient ----

        /// <summary>Generated TrainBatch.</summary>
        [Benchmark(Description = "Generated"), BenchmarkCategory(Operation.TrainBatch)]
        public float TrainBatch_Generated() { int b = NextBatch(); return _generated.TrainBatch(_data.BatchInputs(b), _data.BatchTargets(b)); }

        /// <summary>Jagged TrainBatch.</summary>
        [Benchmark(Baseline = true, Description = "Jagged"), BenchmarkCategory(Operation.TrainBatch)]
        public float TrainBatch_Jagged() { int b = NextBatch(); return _jagged.TrainBatch(_data.BatchInputs(b), _data.BatchTargets(b)); }

        /// <summary>TensorPrimitives TrainBatch.</summary>
        [Benchmark(Description = "TensorPrimitives"), BenchmarkCategory(Operation.TrainBatch)]
        public float TrainBatch_TensorPrimitives() { int b = NextBatch(); return _tensorPrimitives.TrainBatch(_data.BatchInputs(b), _data.BatchTargets(b)); }

        /// <summary>MathNet TrainBatch, as matrix products per layer.</summary>
        [Benchmark(Description = "MathNet"), BenchmarkCategory(Operation.TrainBatch)]
        public float TrainBatch_MathNet() { int b = NextBatch(); return _mathNet.TrainBatch(_data.BatchInputs(b), _data.BatchTargets(b)); }
    }

    /// <summary>N1: 4 → 8 → 3, ReLU.</summary>
    public class N1Benchmarks : NetworkBenchmarks<N1Adapter> { }

    /// <summary>N2: 16 → 32 → 32 → 4, Tanh.</summary>
    public class N2Benchmarks : NetworkBenchmarks<N2Adapter> { }

    /// <summary>N3: 64 → 64 → 64 → 10, Tanh.</summary>
    public class N3Benchmarks : NetworkBenchmarks<N3Adapter> { }

    /// <summary>N4: 784 → 128 → 10, ReLU.</summary>
    public class N4Benchmarks : NetworkBenchmarks<N4Adapter> { }
}
