using System;
using System.Linq;
using Backprop.Generated.Tests.Infrastructure;
using Backprop.Generated.Tests.Networks;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>The generated API's contract: length checks that lose nothing, state rules, initialization, masks.</summary>
    public sealed class NetworkBehaviourTests
    {
        [Fact]
        public void Forward_with_wrong_input_length_names_both_lengths()
        {
            var net = new IrisNet(1);
            var ex = Assert.Throws<ArgumentException>(() => net.Forward(new float[3], new float[3]));
            Assert.Equal("input", ex.ParamName);
            Assert.StartsWith("input has length 3, but IrisNet expects 4 (InputSize).", ex.Message);
            ex = Assert.Throws<ArgumentException>(() => net.Forward(new float[4], new float[2]));
            Assert.Equal("output", ex.ParamName);
            Assert.StartsWith("output has length 2, but IrisNet expects 3 (OutputSize).", ex.Message);
        }

        [Fact]
        public void Backward_with_wrong_target_length_changes_nothing()
        {
            var net = new IrisNet(1);
            net.Backward(new float[] { 1, 2, 3, 4 }, new float[] { 0, 1, 0 });
            float[] parameters = net.Parameters.ToArray(), gradients = net.Gradients.ToArray(), inputGradient = net.InputGradient.ToArray();
            var ex = Assert.Throws<ArgumentException>(() => net.Backward(new float[] { 4, 3, 2, 1 }, new float[2]));
            Assert.Equal("target", ex.ParamName);
            Assert.StartsWith("target has length 2, but IrisNet expects 3 (OutputSize).", ex.Message);
            Assert.Equal(parameters, net.Parameters.ToArray());
            Assert.Equal(gradients, net.Gradients.ToArray());
            Assert.Equal(inputGradient, net.InputGradient.ToArray());
            Assert.Equal(1, net.AccumulatedSamples);
        }

        [Fact]
        public void SetParameters_with_wrong_length_keeps_the_parameters()
        {
            var net = new AdamNet(3);
            double[] before = net.Parameters.ToArray();
            var ex = Assert.Throws<ArgumentException>(() => net.SetParameters(new double[AdamNet.ParameterCount - 1]));
            Assert.StartsWith($"values has length {AdamNet.ParameterCount - 1}, but AdamNet expects {AdamNet.ParameterCount} (ParameterCount).", ex.Message);
            Assert.Equal(before, net.Parameters.ToArray());
            double[] replacement = Enumerable.Range(0, AdamNet.ParameterCount).Select(i => i * 0.001).ToArray();
            net.SetParameters(replacement);
            Assert.Equal(replacement, net.Parameters.ToArray());
        }

        [Fact]
        public void Step_without_samples_throws_and_changes_nothing()
        {
            var net = new IrisNet(1);
            float[] before = net.Parameters.ToArray();
            var ex = Assert.Throws<InvalidOperationException>(() => net.Step());
            Assert.Contains("call Backward", ex.Message);
            Assert.Equal(before, net.Parameters.ToArray());
            Assert.Equal(0, net.StepCount);
        }

        [Fact]
        public void TrainBatch_refuses_pending_gradients_and_ragged_batches()
        {
            var net = new IrisNet(1);
            float[] before = net.Parameters.ToArray();
            Assert.Throws<ArgumentException>(() => net.TrainBatch(new float[7], new float[6]));
            Assert.Throws<ArgumentException>(() => net.TrainBatch(new float[8], new float[5]));
            Assert.Throws<ArgumentException>(() => net.TrainBatch(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty));
            net.Backward(new float[4], new float[] { 1, 0, 0 });
            var ex = Assert.Throws<InvalidOperationException>(() => net.TrainBatch(new float[8], new float[6]));
            Assert.Contains("1 samples are accumulated", ex.Message);
            Assert.Equal(before, net.Parameters.ToArray());
        }

        [Fact]
        public void TrainBatch_equals_backward_per_sample_then_step()
        {
            var a = new IrisNet(9);
            var b = new IrisNet(9);
            float[] inputs = Enumerable.Range(0, 12).Select(i => (float)Math.Sin(i)).ToArray();
            float[] targets = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
            float loss = a.TrainBatch(inputs, targets);
            float total = 0;
            for (int s = 0; s < 3; s++) total += b.Backward(inputs.AsSpan(s * 4, 4), targets.AsSpan(s * 3, 3));
            b.Step();
            // Three samples are less than a tile, so TrainBatch takes the one-sample path: the same arithmetic exactly.
            Assert.Equal(total / 3, loss);
            Assert.Equal(b.Parameters.ToArray(), a.Parameters.ToArray());
            Assert.Equal(0, a.AccumulatedSamples);
            Assert.Equal(1, a.StepCount);
        }

        // Training skips the network input's gradient (a masked first layer, a merge and an activation reading the input
        // here); the parameters must come out as Backward (which computes it) and Step give them, on the one-sample path
        // exactly and in tiles to rounding.
        [Theory]
        [InlineData(3)]
        [InlineData(9)]
        public void TrainBatch_without_the_input_gradient_trains_as_backward_and_step(int count)
        {
            var random = new Random(count);
            var graphA = new GraphNet(4);
            var graphB = new GraphNet(4);
            float[] inputs = Enumerable.Range(0, 4 * count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            float[] targets = Enumerable.Range(0, 2 * count).Select(i => i % 2 == (i / 2) % 2 ? 1f : 0f).ToArray();
            var activationA = new InputActivationNet(5);
            var activationB = new InputActivationNet(5);
            double[] inputsD = Enumerable.Range(0, 6 * count).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            double[] targetsD = Enumerable.Range(0, 2 * count).Select(_ => random.NextDouble()).ToArray();
            for (int step = 0; step < 3; step++)
            {
                graphA.TrainBatch(inputs, targets);
                for (int s = 0; s < count; s++) graphB.Backward(inputs.AsSpan(s * 4, 4), targets.AsSpan(s * 2, 2));
                graphB.Step();
                activationA.TrainBatch(inputsD, targetsD);
                for (int s = 0; s < count; s++) activationB.Backward(inputsD.AsSpan(s * 6, 6), targetsD.AsSpan(s * 2, 2));
                activationB.Step();
                float[] a = graphA.Parameters.ToArray(), b = graphB.Parameters.ToArray();
                double[] aD = activationA.Parameters.ToArray(), bD = activationB.Parameters.ToArray();
                if (count < 4)
                {
                    Assert.Equal(b, a);
                    Assert.Equal(bD, aD);
                    continue;
                }
                Close.All(b, a, 1e-6f, $"GraphNet step {step}: parameter");
                Close.All(bD, aD, 1e-13, $"InputActivationNet step {step}: parameter");
            }
        }

        [Fact]
        public void Learning_rate_must_be_zero_or_positive_and_finite()
        {
            var net = new IrisNet(1);
            Assert.Equal(0.1, net.LearningRate);
            Assert.Throws<ArgumentOutOfRangeException>(() => net.LearningRate = -0.1);
            net.LearningRate = 0;   // cosine annealing reaches η_min = 0, as in torch
            Assert.Equal(0, net.LearningRate);
            Assert.Throws<ArgumentOutOfRangeException>(() => net.LearningRate = double.NaN);
            Assert.Throws<ArgumentOutOfRangeException>(() => net.LearningRate = double.PositiveInfinity);
            net.LearningRate = 0.05;
            Assert.Equal(0.05, net.LearningRate);
        }

        [Fact]
        public void Initialization_is_deterministic_and_follows_pytorch_bounds()
        {
            Assert.Equal(new IrisNet(42).Parameters.ToArray(), new IrisNet(42).Parameters.ToArray());
            Assert.NotEqual(new IrisNet(42).Parameters.ToArray(), new IrisNet(43).Parameters.ToArray());
            var net = new IrisNet(42);
            // U(−1/√fan_in, 1/√fan_in) for weights and biases alike.
            Assert.All(net.Layer0Weights.ToArray().Concat(net.Layer0Bias.ToArray()), v => Assert.InRange(Math.Abs(v), 0f, 0.5f));
            Assert.All(net.Layer2Weights.ToArray().Concat(net.Layer2Bias.ToArray()), v => Assert.InRange(Math.Abs(v), 0f, 0.25f));
            // Spread over the interval, not stuck near 0: the largest of 64 uniform draws is above 0.4 of 0.5.
            Assert.True(net.Layer0Weights.ToArray().Max(Math.Abs) > 0.4f);
            Assert.Equal(IrisNet.ParameterCount, net.Parameters.Length);
            Assert.Equal(16 * 4 + 16 + 3 * 16 + 3, IrisNet.ParameterCount);
        }

        [Fact]
        public void Layer_views_alias_the_parameter_vector()
        {
            var net = new IrisNet(1);
            net.Layer2Bias[1] = 7.5f;
            Assert.Equal(7.5f, net.Parameters[16 * 4 + 16 + 3 * 16 + 1]);
            net.Parameters[2] = -3f;
            Assert.Equal(-3f, net.Layer0Weights[2]);
        }

        [Fact]
        public void Masked_weights_start_at_zero_and_stay_zero_through_training()
        {
            var net = new GraphNet(5);
            int[] masked = { 2, 3, 4, 7, 8, 9, 10 };   // "xx.. .xx. ...x": row-major positions with '.'
            Assert.All(masked, i => Assert.Equal(0f, net.Parameters[i]));
            float[] inputs = { 1, 2, 3, 4, -1, 0.5f, 2, -3 }, targets = { 1, 0, 0, 1 };
            for (int step = 0; step < 20; step++) net.TrainBatch(inputs, targets);
            Assert.All(masked, i => Assert.Equal(0f, net.Parameters[i]));
            Assert.NotEqual(0f, net.Parameters[0]);
        }

        [Fact]
        public void Training_reduces_the_loss()
        {
            var net = new AdamWNet(2);
            float[] inputs = { 1, 0, -1, 0.5f, 0.5f, 0.5f, -1, 2, 0 }, targets = { 1, -1, 0.5f, 0.5f, -0.5f, 2 };
            float first = net.TrainBatch(inputs, targets), last = first;
            for (int i = 0; i < 300; i++) last = net.TrainBatch(inputs, targets);
            Assert.True(last < first * 0.1f, $"loss went from {first} to {last}");
        }

        [Fact]
        public void Sizes_and_flops_are_compile_time_constants()
        {
            Assert.Equal(4, IrisNet.InputSize);
            Assert.Equal(3, IrisNet.OutputSize);
            Assert.Equal(16, IrisNet.Layer0OutputSize);
            Assert.Equal(3, IrisNet.Layer2OutputSize);
            // Dense: 2 per multiply-add + 1 per bias; activations 1 per element.
            Assert.Equal(2 * 64 + 16 + 16 + 2 * 48 + 3, IrisNet.ForwardFlops);
            Assert.Equal(7, GraphNet.Layer5OutputSize);   // concat of 3 and the 4 inputs
        }
    }
}
