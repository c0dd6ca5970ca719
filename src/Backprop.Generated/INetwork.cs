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

    /// <summary>A network with an optimizer.</summary>
    public interface ITrainableNetwork<T> : INetwork<T> where T : unmanaged
    {
        /// <summary>The learning rate the next <see cref="Step"/> uses.</summary>
        double LearningRate { get; set; }

        /// <summary>The number of optimizer steps taken so far.</summary>
        long StepCount { get; }

        /// <summary>
        /// Updates every parameter from the gradient of the batch loss over the samples accumulated since the last
        /// step (their mean, or their sum for a summed loss), then clears the gradients.
        /// </summary>
        void Step();
    }
}
