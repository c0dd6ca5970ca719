using System;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>
    /// A generated network behind a struct, so that the generic benchmark class is compiled separately for each network
    /// and calls the generated methods directly (a generic parameter of a class type would share one compiled body and
    /// go through interface dispatch, a cost the baselines, called on their sealed types, do not pay).
    /// </summary>
    public interface IGeneratedAdapter<TSelf> where TSelf : struct, IGeneratedAdapter<TSelf>
    {
        /// <summary>The generated <c>Architecture</c> constant: the baselines are built from it.</summary>
        static abstract string Architecture { get; }

        /// <summary>A new network, initialized by the generated constructor from <paramref name="seed"/>.</summary>
        static abstract TSelf Create(int seed);

        /// <summary>The generated network itself, for its parameters and learning rate.</summary>
        ISupervisedNetwork<float> Network { get; }

        /// <summary>Generated Forward.</summary>
        void Forward(ReadOnlySpan<float> input, Span<float> output);

        /// <summary>Forward of the network's Inference, made from its parameters when the adapter was created.</summary>
        void InferenceForward(ReadOnlySpan<float> input, Span<float> output);

        /// <summary>ForwardBatch of the network's Inference.</summary>
        void InferenceForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs);

        /// <summary>The forward pass of samples laid out one after another.</summary>
        void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs);

        /// <summary>Generated Backward (MSE).</summary>
        float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

        /// <summary>Generated Step (SGD).</summary>
        void Step();

        /// <summary>Generated TrainBatch.</summary>
        float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);
    }

    // ForwardBatch and TrainBatch are the generated batched paths (tiles of samples through each layer); --verify checks
    // them against the baselines before anything is measured.

    /// <summary>Adapter for <see cref="N1"/>.</summary>
    public readonly struct N1Adapter : IGeneratedAdapter<N1Adapter>
    {
        private readonly N1 _net;
        private readonly N1.Inference _inference;
        private N1Adapter(N1 net) { _net = net; _inference = new N1.Inference(net); }
        /// <inheritdoc/>
        public static string Architecture => N1.Architecture;
        /// <inheritdoc/>
        public static N1Adapter Create(int seed) => new(new N1(seed));
        /// <inheritdoc/>
        public ISupervisedNetwork<float> Network => _net;
        /// <inheritdoc/>
        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForward(ReadOnlySpan<float> input, Span<float> output) => _inference.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _inference.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _net.Backward(input, target);
        /// <inheritdoc/>
        public void Step() => _net.Step();
        /// <inheritdoc/>
        public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainBatch(inputs, targets);
    }

    /// <summary>Adapter for <see cref="N2"/>.</summary>
    public readonly struct N2Adapter : IGeneratedAdapter<N2Adapter>
    {
        private readonly N2 _net;
        private readonly N2.Inference _inference;
        private N2Adapter(N2 net) { _net = net; _inference = new N2.Inference(net); }
        /// <inheritdoc/>
        public static string Architecture => N2.Architecture;
        /// <inheritdoc/>
        public static N2Adapter Create(int seed) => new(new N2(seed));
        /// <inheritdoc/>
        public ISupervisedNetwork<float> Network => _net;
        /// <inheritdoc/>
        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForward(ReadOnlySpan<float> input, Span<float> output) => _inference.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _inference.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _net.Backward(input, target);
        /// <inheritdoc/>
        public void Step() => _net.Step();
        /// <inheritdoc/>
        public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainBatch(inputs, targets);
    }

    /// <summary>Adapter for <see cref="N3"/>.</summary>
    public readonly struct N3Adapter : IGeneratedAdapter<N3Adapter>
    {
        private readonly N3 _net;
        private readonly N3.Inference _inference;
        private N3Adapter(N3 net) { _net = net; _inference = new N3.Inference(net); }
        /// <inheritdoc/>
        public static string Architecture => N3.Architecture;
        /// <inheritdoc/>
        public static N3Adapter Create(int seed) => new(new N3(seed));
        /// <inheritdoc/>
        public ISupervisedNetwork<float> Network => _net;
        /// <inheritdoc/>
        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForward(ReadOnlySpan<float> input, Span<float> output) => _inference.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _inference.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _net.Backward(input, target);
        /// <inheritdoc/>
        public void Step() => _net.Step();
        /// <inheritdoc/>
        public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainBatch(inputs, targets);
    }

    /// <summary>Adapter for <see cref="N4"/>.</summary>
    public readonly struct N4Adapter : IGeneratedAdapter<N4Adapter>
    {
        private readonly N4 _net;
        private readonly N4.Inference _inference;
        private N4Adapter(N4 net) { _net = net; _inference = new N4.Inference(net); }
        /// <inheritdoc/>
        public static string Architecture => N4.Architecture;
        /// <inheritdoc/>
        public static N4Adapter Create(int seed) => new(new N4(seed));
        /// <inheritdoc/>
        public ISupervisedNetwork<float> Network => _net;
        /// <inheritdoc/>
        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _net.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForward(ReadOnlySpan<float> input, Span<float> output) => _inference.Forward(input, output);
        /// <inheritdoc/>
        public void InferenceForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _inference.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _net.Backward(input, target);
        /// <inheritdoc/>
        public void Step() => _net.Step();
        /// <inheritdoc/>
        public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainBatch(inputs, targets);
    }

    /// <summary>A generated network seen as an <see cref="IReferenceNetwork"/>, for the verification only.</summary>
    public sealed class GeneratedReference<TGenerated> : IReferenceNetwork where TGenerated : struct, IGeneratedAdapter<TGenerated>
    {
        private readonly TGenerated _adapter;

        /// <summary>Wraps <paramref name="adapter"/>.</summary>
        public GeneratedReference(TGenerated adapter) => _adapter = adapter;

        /// <inheritdoc/>
        public string Name => "Generated";
        /// <inheritdoc/>
        public void Forward(ReadOnlySpan<float> input, Span<float> output) => _adapter.Forward(input, output);
        /// <inheritdoc/>
        public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => _adapter.ForwardBatch(inputs, outputs);
        /// <inheritdoc/>
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => _adapter.Backward(input, target);
        /// <inheritdoc/>
        public void Step() => _adapter.Step();
        /// <inheritdoc/>
        public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _adapter.TrainBatch(inputs, targets);
        /// <inheritdoc/>
        public void SetParameters(ReadOnlySpan<float> parameters) => _adapter.Network.SetParameters(parameters);
        /// <inheritdoc/>
        public void GetParameters(Span<float> parameters) => _adapter.Network.Parameters.CopyTo(parameters);
    }
}
