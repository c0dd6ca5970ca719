using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>What one call of a benchmark does: how many samples, and how many floating-point operations.</summary>
    /// <param name="Samples">Samples per call, or 0 when the benchmark has none (peak FLOP/s).</param>
    /// <param name="Flops">Floating-point operations per call, counted as described in <see cref="ForNetwork"/>.</param>
    public readonly record struct Work(int Samples, long Flops)
    {
        /// <summary>
        /// The work of one operation on a network. FLOPs are counted by one convention for every implementation, so
        /// that GFLOP/s is the same comparison as time: with C = Σ in·out over the dense layers (the weights),
        /// <list type="bullet">
        /// <item>forward, per sample: 2C (one multiply and one add per weight);</item>
        /// <item>training, per sample: the forward pass, the weight gradient δ·aᵀ (2C) and the input gradient Wᵀ·δ of
        /// every layer but the first (2C − 2·in·out of the first layer): 6C − 2·in₀·out₀.</item>
        /// </list>
        /// The first layer's input gradient is the gradient with respect to the network input, which training never needs:
        /// no timed implementation computes it (the generated TrainStep and TrainBatch skip it, as the baselines do), so it
        /// is not counted; for N4 it would be a third of 6C. Not counted either: biases, activations, the loss, and the SGD
        /// update (2 per parameter per step, so about +33% on a one-sample training step, +1% on a batch of 32). A batch is
        /// its sample count times the per-sample work. (The generator's own ForwardFlops/TrainingFlops constants also count
        /// biases, activations and the first layer's input gradient, so they are higher.)
        /// </summary>
        public static Work ForNetwork(NetworkShape shape, string operation)
        {
            long forward = 2 * shape.Connections;
            long training = 3 * forward - 2L * shape.Sizes[0] * shape.Sizes[1];
            return operation switch
            {
                Operation.Forward => new Work(1, forward),
                Operation.TrainStep => new Work(1, training),
                Operation.ForwardBatch => new Work(SampleData.BatchSize, SampleData.BatchSize * forward),
                Operation.TrainBatch => new Work(SampleData.BatchSize, SampleData.BatchSize * training),
                _ => throw new ArgumentException("Unknown operation '" + operation + "'.", nameof(operation)),
            };
        }
    }

    /// <summary>A benchmark class that can say what each of its benchmarks does, for the throughput columns.</summary>
    public interface IWorkload
    {
        /// <summary>The work of one call of the benchmarks in <paramref name="category"/> (empty when they have none).</summary>
        Work Describe(string category);
    }

    /// <summary>Adds the ns/sample and GFLOP/s columns.</summary>
    public sealed class ThroughputConfig : ManualConfig
    {
        /// <summary>The two columns.</summary>
        public ThroughputConfig() => AddColumn(new ThroughputColumn(perSample: true), new ThroughputColumn(perSample: false));
    }

    /// <summary>
    /// ns/sample (the mean time per call divided by the samples per call) or GFLOP/s (the FLOPs per call divided by the
    /// mean time per call), from the benchmark class's <see cref="IWorkload"/>.
    /// </summary>
    public sealed class ThroughputColumn : IColumn
    {
        private static readonly ConcurrentDictionary<Type, IWorkload?> Workloads = new();
        private readonly bool _perSample;

        /// <summary>The ns/sample column, or the GFLOP/s one.</summary>
        public ThroughputColumn(bool perSample) => _perSample = perSample;

        /// <inheritdoc/>
        public string Id => _perSample ? "NsPerSample" : "GFlops";
        /// <inheritdoc/>
        public string ColumnName => _perSample ? "ns/sample" : "GFLOP/s";
        /// <inheritdoc/>
        public bool AlwaysShow => true;
        /// <inheritdoc/>
        public ColumnCategory Category => ColumnCategory.Custom;
        /// <inheritdoc/>
        public int PriorityInCategory => _perSample ? 0 : 1;
        /// <inheritdoc/>
        public bool IsNumeric => true;
        /// <inheritdoc/>
        public UnitType UnitType => UnitType.Dimensionless;
        /// <inheritdoc/>
        public string Legend => _perSample
            ? "Mean time per sample: Mean / samples per call (1 or 32)"
            : "Useful float32 FLOPs per second, by one count for all implementations (forward 2·Σ in·out per sample, training 3× that; see Throughput.cs)";

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
            IWorkload? workload = Workloads.GetOrAdd(benchmarkCase.Descriptor.Type, type => Activator.CreateInstance(type) as IWorkload);
            if (mean is not double nanoseconds || nanoseconds <= 0 || workload == null) return "-";
            Work work = workload.Describe(benchmarkCase.Descriptor.Categories.FirstOrDefault() ?? "");
            if (_perSample) return work.Samples > 0 ? (nanoseconds / work.Samples).ToString("N1", CultureInfo.InvariantCulture) : "-";
            return (work.Flops / nanoseconds).ToString("N2", CultureInfo.InvariantCulture);   // FLOPs per ns = GFLOP/s
        }

        /// <inheritdoc/>
        public override string ToString() => ColumnName;
    }
}
