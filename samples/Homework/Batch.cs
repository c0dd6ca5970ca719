using System;
using Backprop.Generated;

namespace Homework
{
    /// <summary>
    /// Runs a generated network over a batch laid out sample after sample. Written once against the interfaces every
    /// generated network implements.
    /// </summary>
    internal static class Batch
    {
        /// <summary>Forward for every sample: [sample][OutputSize].</summary>
        public static double[] Outputs(INetwork<double> net, ReadOnlySpan<double> inputs)
        {
            int n = inputs.Length / net.InputSize;
            var outputs = new double[n * net.OutputSize];
            for (int s = 0; s < n; s++) net.Forward(inputs.Slice(s * net.InputSize, net.InputSize), outputs.AsSpan(s * net.OutputSize, net.OutputSize));
            return outputs;
        }

        /// <summary>The input Jacobian of every sample: [sample][OutputSize][InputSize].</summary>
        public static double[] Jacobians(INetwork<double> net, ReadOnlySpan<double> inputs)
        {
            int n = inputs.Length / net.InputSize;
            int size = net.OutputSize * net.InputSize;
            var jacobians = new double[n * size];
            for (int s = 0; s < n; s++) net.InputJacobian(inputs.Slice(s * net.InputSize, net.InputSize), jacobians.AsSpan(s * size, size));
            return jacobians;
        }

        /// <summary>
        /// The batch loss and its gradients, as PyTorch defines them: runs Backward on every sample (from cleared
        /// gradients), and returns the batch loss (the mean of the per-sample losses, or their sum for a summed loss)
        /// with ∂L/∂X for every sample and ∂L/∂θ, both scaled the same way.
        /// </summary>
        public static (double Loss, double[] InputGradients, double[] ParameterGradients) LossAndGradients(
            ILossNetwork<double> net, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
        {
            int n = inputs.Length / net.InputSize;
            double scale = net.LossIsMean ? 1.0 / n : 1.0;
            var inputGradients = new double[n * net.InputSize];
            double loss = 0;
            net.ZeroGradients();
            for (int s = 0; s < n; s++)
            {
                loss += net.Backward(inputs.Slice(s * net.InputSize, net.InputSize), targets.Slice(s * net.OutputSize, net.OutputSize));
                // InputGradient is the gradient of this sample's own loss; the batch loss weighs it by the scale.
                for (int i = 0; i < net.InputSize; i++) inputGradients[s * net.InputSize + i] = net.InputGradient[i] * scale;
            }
            var parameterGradients = net.Gradients.ToArray();
            for (int i = 0; i < parameterGradients.Length; i++) parameterGradients[i] *= scale;
            net.ZeroGradients();
            return (loss * scale, inputGradients, parameterGradients);
        }

        /// <summary>The gradient of one sample's own loss with respect to its input (the network's InputGradient).</summary>
        public static double[] SampleInputGradient(ILossNetwork<double> net, ReadOnlySpan<double> input, ReadOnlySpan<double> target)
        {
            net.ZeroGradients();
            net.Backward(input, target);
            double[] gradient = net.InputGradient.ToArray();
            net.ZeroGradients();
            return gradient;
        }

        /// <summary>Sets the parameters of <paramref name="net"/> and returns it.</summary>
        public static TNet WithParameters<TNet>(this TNet net, ReadOnlySpan<double> parameters) where TNet : INetwork<double>
        {
            net.SetParameters(parameters);
            return net;
        }

        /// <summary>Picks the entries at <paramref name="indices"/>.</summary>
        public static double[] Pick(ReadOnlySpan<double> values, params int[] indices)
        {
            var picked = new double[indices.Length];
            for (int i = 0; i < indices.Length; i++) picked[i] = values[indices[i]];
            return picked;
        }
    }
}
