using System;

namespace Backprop.Generated
{
    /// <summary>
    /// What every generated network's nested <c>Inference</c> class offers: a copy of the network's parameters, taken when it
    /// was made or last refreshed with its <c>CopyFrom</c>, and the forward pass on them. It can keep the weights in a layout
    /// made for its own kernels, because nothing but <c>CopyFrom</c> changes them.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    public interface IInference<T> where T : unmanaged
    {
        /// <summary>Features per input sample.</summary>
        int InputSize { get; }

        /// <summary>Values per output sample.</summary>
        int OutputSize { get; }

        /// <summary>The copied parameters, in the network's layout (<see cref="INetwork{T}.Parameters"/>).</summary>
        ReadOnlySpan<T> Parameters { get; }

        /// <summary>Computes the output for one sample. Allocates nothing.</summary>
        /// <exception cref="ArgumentException">A span's length is not <see cref="InputSize"/> or <see cref="OutputSize"/>.</exception>
        void Forward(ReadOnlySpan<T> input, Span<T> output);

        /// <summary>Computes the outputs of many samples, laid out one after another. Allocates nothing.</summary>
        /// <exception cref="ArgumentException">The spans do not hold the same whole number of samples.</exception>
        void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs);
    }
}
