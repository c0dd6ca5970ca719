using System;
using System.Collections.Generic;

namespace Backprop.Generated
{
    /// <summary>
    /// Trains a network on a data set in mini-batches, epoch by epoch, shuffling with a seeded generator. Every buffer is
    /// allocated here, in the constructor: an epoch allocates nothing.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the network's precision.</typeparam>
    public sealed class MiniBatchTrainer<T> where T : unmanaged
    {
        private readonly ISupervisedNetwork<T> _network;
        private readonly T[] _inputs;
        private readonly T[] _targets;
        private readonly int[] _order;
        private readonly T[] _batchInputs;
        private readonly T[] _batchTargets;
        private readonly T[] _output;
        private readonly SeededRandom _random;
        private readonly bool[] _seen;

        /// <summary>
        /// Prepares to train <paramref name="network"/> on the samples in <paramref name="inputs"/> and
        /// <paramref name="targets"/> (laid out sample after sample), <paramref name="batchSize"/> at a time.
        /// The arrays are kept, not copied: change them between epochs if you like, but not their lengths.
        /// </summary>
        /// <exception cref="ArgumentException">The arrays do not hold the same whole number of samples.</exception>
        public MiniBatchTrainer(ISupervisedNetwork<T> network, T[] inputs, T[] targets, int batchSize, int seed)
        {
            _network = network ?? throw new ArgumentNullException(nameof(network));
            _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
            _targets = targets ?? throw new ArgumentNullException(nameof(targets));
            int count = inputs.Length / network.InputSize;
            if (count == 0 || inputs.Length != count * network.InputSize)
            {
                throw new ArgumentException($"inputs has length {inputs.Length}, which is not a positive multiple of the network's InputSize ({network.InputSize}).", nameof(inputs));
            }
            if (targets.Length != count * network.OutputSize)
            {
                throw new ArgumentException($"targets has length {targets.Length}, but {count} samples need {count * network.OutputSize} (samples × OutputSize {network.OutputSize}).", nameof(targets));
            }
            if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
            SampleCount = count;
            BatchSize = Math.Min(batchSize, count);
            _order = new int[count];
            for (int i = 0; i < count; i++) _order[i] = i;
            _batchInputs = new T[BatchSize * network.InputSize];
            _batchTargets = new T[BatchSize * network.OutputSize];
            _output = new T[network.OutputSize];
            _random = new SeededRandom(seed);
            _seen = new bool[count];
        }

        /// <summary>The number of samples in the data set.</summary>
        public int SampleCount { get; }

        /// <summary>Samples per batch; the last batch of an epoch is smaller when the count is not a multiple.</summary>
        public int BatchSize { get; }

        /// <summary>Batches per epoch.</summary>
        public int BatchesPerEpoch => (SampleCount + BatchSize - 1) / BatchSize;

        /// <summary>The epochs trained so far.</summary>
        public int Epoch { get; private set; }

        /// <summary>The order of the last epoch: a permutation of the sample indexes.</summary>
        public ReadOnlySpan<int> LastOrder => _order;

        /// <summary>Shuffles the samples (Fisher–Yates, seeded) and trains one epoch. Returns the mean of the batch losses, weighted by batch size.</summary>
        public double TrainEpoch()
        {
            _random.Shuffle(_order.AsSpan());
            return TrainInOrder();
        }

        /// <summary>Trains one epoch in the given order, e.g. one recorded from PyTorch's DataLoader.</summary>
        /// <exception cref="ArgumentException"><paramref name="order"/> is not a permutation of 0 … SampleCount − 1.</exception>
        public double TrainEpoch(ReadOnlySpan<int> order)
        {
            if (order.Length != SampleCount) throw new ArgumentException($"order has length {order.Length}, but the data set has {SampleCount} samples.", nameof(order));
            Span<bool> seen = _seen;
            seen.Clear();
            foreach (int index in order)
            {
                if ((uint)index >= (uint)SampleCount || seen[index]) throw new ArgumentException($"order is not a permutation of the {SampleCount} sample indexes (at {index}).", nameof(order));
                seen[index] = true;
            }
            order.CopyTo(_order);
            return TrainInOrder();
        }

        /// <summary>Called after every batch with the epoch, the batch index and the batch loss; optional.</summary>
        public Action<int, int, double>? BatchCompleted { get; set; }

        private double TrainInOrder()
        {
            int inputSize = _network.InputSize, outputSize = _network.OutputSize;
            double weighted = 0;
            int batch = 0;
            for (int start = 0; start < SampleCount; start += BatchSize, batch++)
            {
                int size = Math.Min(BatchSize, SampleCount - start);
                for (int s = 0; s < size; s++)
                {
                    int index = _order[start + s];
                    _inputs.AsSpan(index * inputSize, inputSize).CopyTo(_batchInputs.AsSpan(s * inputSize, inputSize));
                    _targets.AsSpan(index * outputSize, outputSize).CopyTo(_batchTargets.AsSpan(s * outputSize, outputSize));
                }
                double loss = ToDouble(_network.TrainBatch(_batchInputs.AsSpan(0, size * inputSize), _batchTargets.AsSpan(0, size * outputSize)));
                weighted += _network.LossIsMean ? loss * size : loss;
                BatchCompleted?.Invoke(Epoch, batch, loss);
            }
            Epoch++;
            return _network.LossIsMean ? weighted / SampleCount : weighted;
        }

        /// <summary>The loss over a data set (the mean over samples, or the sum for a summed loss), without training.</summary>
        public double Loss(T[] inputs, T[] targets)
        {
            int count = CountSamples(inputs, targets);
            double total = 0;
            for (int s = 0; s < count; s++)
            {
                total += ToDouble(_network.Loss(inputs.AsSpan(s * _network.InputSize, _network.InputSize), targets.AsSpan(s * _network.OutputSize, _network.OutputSize)));
            }
            return _network.LossIsMean ? total / count : total;
        }

        /// <summary>
        /// The fraction of samples classified right: the largest output at the largest target (one-hot or probability
        /// targets); with a single output (a sigmoid's probability), the output and the target on the same side of 0.5.
        /// </summary>
        public double Accuracy(T[] inputs, T[] targets)
        {
            int count = CountSamples(inputs, targets);
            int right = 0;
            for (int s = 0; s < count; s++)
            {
                _network.Forward(inputs.AsSpan(s * _network.InputSize, _network.InputSize), _output);
                ReadOnlySpan<T> target = targets.AsSpan(s * _network.OutputSize, _network.OutputSize);
                bool correct = _network.OutputSize == 1
                    ? (ToDouble(_output[0]) >= 0.5) == (ToDouble(target[0]) >= 0.5)
                    : ArgMax(_output) == ArgMax(target);
                if (correct) right++;
            }
            return (double)right / count;
        }

        /// <summary>The index of the largest value (the first, on ties).</summary>
        public static int ArgMax(ReadOnlySpan<T> values)
        {
            int best = 0;
            for (int i = 1; i < values.Length; i++)
            {
                if (Comparer<T>.Default.Compare(values[i], values[best]) > 0) best = i;
            }
            return best;
        }

        private int CountSamples(T[] inputs, T[] targets)
        {
            if (inputs is null) throw new ArgumentNullException(nameof(inputs));
            if (targets is null) throw new ArgumentNullException(nameof(targets));
            int count = inputs.Length / _network.InputSize;
            if (count == 0 || inputs.Length != count * _network.InputSize || targets.Length != count * _network.OutputSize)
            {
                throw new ArgumentException($"inputs ({inputs.Length}) and targets ({targets.Length}) do not hold the same positive number of samples of {_network.InputSize} and {_network.OutputSize} values.");
            }
            return count;
        }

        // A reinterpretation, not a cast through object: that box is removed only once the JIT has optimized the method,
        // and a caller still running unoptimized code would allocate.
        private static double ToDouble(T value)
        {
            if (typeof(T) == typeof(float)) return System.Runtime.CompilerServices.Unsafe.As<T, float>(ref value);
            if (typeof(T) == typeof(double)) return System.Runtime.CompilerServices.Unsafe.As<T, double>(ref value);
            throw new NotSupportedException("Networks compute in float or double.");
        }
    }
}
