using System;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>
    /// The operations measured, as every implementation offers them. The benchmarks call the implementations through
    /// their own sealed types (or a struct adapter for the generated networks), never through this interface; the
    /// verification uses it to treat all four alike.
    /// </summary>
    public interface IReferenceNetwork
    {
        /// <summary>The implementation's name as the benchmarks print it.</summary>
        string Name { get; }

        /// <summary>The output of one sample.</summary>
        void Forward(ReadOnlySpan<float> input, Span<float> output);

        /// <summary>The outputs of samples laid out one after another.</summary>
        void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs);

        /// <summary>Forward and backward for one sample: adds its MSE gradient to the accumulated gradients; returns its loss.</summary>
        float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

        /// <summary>One SGD step on the mean of the accumulated gradients, which it then clears.</summary>
        void Step();

        /// <summary>Accumulates every sample's gradient, then takes one <see cref="Step"/>; returns the mean loss before it.</summary>
        float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

        /// <summary>Replaces every parameter, in the generated layout (per dense layer W [out][in] row-major, then b).</summary>
        void SetParameters(ReadOnlySpan<float> parameters);

        /// <summary>Copies every parameter out, in the generated layout.</summary>
        void GetParameters(Span<float> parameters);
    }
}
