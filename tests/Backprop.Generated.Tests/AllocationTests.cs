using System;
using Backprop.Generated.Tests.Infrastructure;
using Backprop.Generated.Tests.Networks;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>After warm-up, no public operation of a generated network allocates on the managed heap.</summary>
    public sealed class AllocationTests
    {
        private static void AssertNoAllocation<T>(ITrainableNetwork<T> net, T[] input, T[] target) where T : unmanaged
        {
            var lossNet = (ILossNetwork<T>)net;
            var output = new T[net.OutputSize];
            var jacobian = new T[net.OutputSize * net.InputSize];
            Assert.Equal(0, Allocations.Measure(() => net.Forward(input, output)));
            Assert.Equal(0, Allocations.Measure(() => lossNet.Loss(input, target)));
            Assert.Equal(0, Allocations.Measure(() => { lossNet.Backward(input, target); net.ZeroGradients(); }));
            Assert.Equal(0, Allocations.Measure(() => { lossNet.Backward(input, target); lossNet.Backward(input, target); net.Step(); }));
            Assert.Equal(0, Allocations.Measure(() => { net.BackwardFromOutputGradient(input, target); net.Step(); }));
            Assert.Equal(0, Allocations.Measure(() => net.InputJacobian(input, jacobian)));
        }

        [Fact]
        public void Sgd_nesterov_network_allocates_nothing()
        {
            var net = new IrisNet(1);
            AssertNoAllocation<float>(net, new float[] { 0.1f, -0.2f, 0.3f, 0.4f }, new float[] { 0, 1, 0 });
            float[] inputs = new float[8 * IrisNet.InputSize], targets = new float[8 * IrisNet.OutputSize];
            for (int s = 0; s < 8; s++) targets[s * 3 + s % 3] = 1;
            Assert.Equal(0, Allocations.Measure(() => net.TrainBatch(inputs, targets)));
        }

        [Fact]
        public void Adam_network_with_clipping_allocates_nothing()
        {
            var net = new AdamNet(2);
            AssertNoAllocation<double>(net, new double[] { 0.5, -1, 0.25, 2, -0.75 }, new double[] { 1, 0 });
            double[] inputs = new double[4 * AdamNet.InputSize], targets = new double[4 * AdamNet.OutputSize];
            Assert.Equal(0, Allocations.Measure(() => net.TrainBatch(inputs, targets)));
        }

        [Fact]
        public void Graph_network_with_rmsprop_allocates_nothing()
            => AssertNoAllocation<float>(new GraphNet(3), new float[] { 1, 2, -1, 0.5f }, new float[] { 0.25f, 0.75f });

        [Fact]
        public void AdamW_network_allocates_nothing()
            => AssertNoAllocation<float>(new AdamWNet(4), new float[] { 1, -2, 0.5f }, new float[] { 0.3f, -0.1f });

        [Fact]
        public void Network_without_loss_allocates_nothing()
        {
            var net = new ResidualNoLoss(5);
            double[] input = { 0.5, -0.25 }, gradient = { 1, 1 }, output = new double[2], jacobian = new double[4];
            Assert.Equal(0, Allocations.Measure(() => net.Forward(input, output)));
            Assert.Equal(0, Allocations.Measure(() => { net.BackwardFromOutputGradient(input, gradient); net.ZeroGradients(); }));
            Assert.Equal(0, Allocations.Measure(() => net.InputJacobian(input, jacobian)));
        }

        [Fact]
        public void The_512_bit_paths_allocate_nothing()
        {
            // 32 samples: four pairs of tiles in TrainBatch (BackwardPair0 and its held deltas where Vector512 runs), and
            // the 512-bit one-sample and batched forward.
            var net = new WideSingleA(6);
            float[] inputs = new float[32 * WideSingleA.InputSize], targets = new float[32 * WideSingleA.OutputSize], outputs = new float[32 * WideSingleA.OutputSize];
            for (int s = 0; s < 32; s++) targets[s * 3 + s % 3] = 1;
            AssertNoAllocation<float>(net, inputs.AsSpan(0, WideSingleA.InputSize).ToArray(), targets.AsSpan(0, WideSingleA.OutputSize).ToArray());
            Assert.Equal(0, Allocations.Measure(() =>
            {
                net.ForwardBatch(inputs, outputs);
                net.TrainBatch(inputs, targets);
            }));
        }

        [Fact]
        public void A_new_network_allocates_nothing_on_its_first_batch_or_chained_forward()
        {
            // Measured from the first call: ForwardBatch's transposed weights (WideSingleA, 32 samples) and the register
            // chain (WideSingleG) use only what the constructor allocated. One call of each beforehand, on another
            // instance, compiles them.
            float[] inputs = new float[32 * WideSingleA.InputSize], outputs = new float[32 * WideSingleA.OutputSize];
            float[] x = new float[WideSingleG.InputSize], y = new float[WideSingleG.OutputSize];
            new WideSingleA(1).ForwardBatch(inputs, outputs);
            new WideSingleG(1).Forward(x, y);
            var batched = new WideSingleA(2);
            var chained = new WideSingleG(2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            batched.ForwardBatch(inputs, outputs);
            chained.Forward(x, y);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void The_measurement_sees_an_allocation()
        {
            // Guards the guard: the same measurement reports a small allocation.
            object? sink = null;
            Assert.True(Allocations.Measure(() => sink = new byte[16]) > 0);
            GC.KeepAlive(sink);
        }
    }
}
