using System;

namespace Backprop.Generated
{
    /// <summary>
    /// What every generated network offers: inference, the gradient of any upstream signal, and its parameters.
    /// Generated classes implement it, so code can be written once for any network of a precision.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    public interface INetwork<T> where T : unmanaged
    {
        /// <summary>Features per input sample.</summary>
        int InputSize { get; }

        /// <summary>Values per output sample.</summary>
        int OutputSize { get; }

        /// <summary>The number of trainable parameters.</summary>
        int ParameterCount { get; }

        /// <summary>The layer list in one line, e.g. <c>Single; Input(4); Dense(16); ReLU; Dense(3)</c>: what fixes the parameter layout.</summary>
        string Architecture { get; }

        /// <summary>A 64-bit fingerprint (FNV-1a) of <see cref="Architecture"/>, written into weight files.</summary>
        ulong ArchitectureHash { get; }

        /// <summary>
        /// Every parameter, writable: for each dense layer in order, W as [out][in] row-major, then b (when it has one).
        /// </summary>
        Span<T> Parameters { get; }

        /// <summary>The accumulated gradient of each parameter, in the layout of <see cref="Parameters"/>.</summary>
        Span<T> Gradients { get; }

        /// <summary>The gradient with respect to the input of the last sample passed backward.</summary>
        ReadOnlySpan<T> InputGradient { get; }

        /// <summary>The number of samples whose gradients have been accumulated since they were last cleared.</summary>
        int AccumulatedSamples { get; }

        /// <summary>Computes the output for one sample. Allocates nothing.</summary>
        /// <exception cref="ArgumentException">A span's length is not <see cref="InputSize"/> or <see cref="OutputSize"/>.</exception>
        void Forward(ReadOnlySpan<T> input, Span<T> output);

        /// <summary>
        /// Computes the outputs of many samples (laid out one after another) at once: a tile of samples goes through each
        /// layer together, so each weight is read once per tile. Allocates nothing.
        /// </summary>
        /// <exception cref="ArgumentException">The spans do not hold the same whole number of samples.</exception>
        void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs);

        /// <summary>
        /// Runs one sample forward, then backward from the given gradient of the outputs: adds ∂(g·y)/∂θ to
        /// <see cref="Gradients"/> and sets <see cref="InputGradient"/>.
        /// </summary>
        void BackwardFromOutputGradient(ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient);

        /// <summary>
        /// The Jacobian of the outputs with respect to the input for one sample: <paramref name="jacobian"/>[k·InputSize + i]
        /// = ∂outputₖ/∂inputᵢ, row-major [OutputSize][InputSize]. Leaves <see cref="Gradients"/> unchanged.
        /// </summary>
        void InputJacobian(ReadOnlySpan<T> input, Span<T> jacobian);

        /// <summary>Sets every accumulated gradient to zero and the sample count to 0.</summary>
        void ZeroGradients();

        /// <summary>Replaces every parameter; <paramref name="values"/> must hold exactly <see cref="ParameterCount"/> values.</summary>
        void SetParameters(ReadOnlySpan<T> values);
    }

    /// <summary>A network with a loss: it can score a sample and accumulate the loss gradient.</summary>
    public interface ILossNetwork<T> : INetwork<T> where T : unmanaged
    {
        /// <summary>Whether the batch loss is the mean of the per-sample losses (true) or their sum (sum of squared errors).</summary>
        bool LossIsMean { get; }

        /// <summary>The loss of one sample, without touching gradients.</summary>
        T Loss(ReadOnlySpan<T> input, ReadOnlySpan<T> target);

        /// <summary>
        /// Forward and backward for one sample: returns the sample's loss and adds its gradient to
        /// <see cref="INetwork{T}.Gradients"/>.
        /// </summary>
        T Backward(ReadOnlySpan<T> input, ReadOnlySpan<T> target);
    }

    /// <summary>Anything whose learning rate a <see cref="LearningRateScheduler"/> can set.</summary>
    public interface ILearningRateTarget
    {
        /// <summary>The learning rate the next step uses; zero or positive, and finite.</summary>
        double LearningRate { get; set; }
    }

    /// <summary>A network with an optimizer.</summary>
    public interface ITrainableNetwork<T> : INetwork<T>, ILearningRateTarget where T : unmanaged
    {
        /// <summary>
        /// The optimizer and the options that shape its state, e.g. <c>Adam</c> or <c>RmsProp(centered, momentum)</c>;
        /// weight files record it with the optimizer state, and only load state into the same.
        /// </summary>
        string OptimizerName { get; }

        /// <summary>
        /// The number of optimizer steps taken so far. Settable only to resume training from saved state: Adam's bias
        /// correction and SGD's first-step momentum depend on it.
        /// </summary>
        long StepCount { get; set; }

        /// <summary>The optimizer's per-parameter state (momentum buffers, moment estimates), writable for resuming.</summary>
        Span<T> OptimizerState { get; }

        /// <summary>
        /// Updates every parameter from the gradient of the batch loss over the samples accumulated since the last
        /// step (their mean, or their sum for a summed loss), then clears the gradients.
        /// </summary>
        void Step();
    }

    /// <summary>A network with both a loss and an optimizer: it can train on a mini-batch in one call.</summary>
    public interface ISupervisedNetwork<T> : ILossNetwork<T>, ITrainableNetwork<T> where T : unmanaged
    {
        /// <summary>
        /// Accumulates the gradient of every sample (laid out one after another), takes one <see cref="ITrainableNetwork{T}.Step"/>,
        /// and returns the batch loss before the step.
        /// </summary>
        T TrainBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);
    }
}
