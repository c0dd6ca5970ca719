using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Backprop.Generated.Tests.Infrastructure;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// TrainBatch on one sample applies the optimizer's update inside the backward pass (the gradient is never stored).
    /// It must train exactly as Backward then Step: the same parameters, optimizer state and loss, bit for bit, for
    /// every optimizer variant in both precisions, over rows of one vector, of whole chunks of four and of a chunk and a rest.
    /// </summary>
    public sealed class OnlineStepTests
    {
        private static readonly Lazy<Assembly> Compiled = new(() =>
        {
            var classes = new List<string>();
            for (int i = 0; i < OptimizerAllocationTests.Optimizers.Length; i++)
            {
                // Softmax cross-entropy (a mean, fused with the last layer) and summed squared error (no gradient scale) in turn.
                string loss = i % 2 == 0 ? "[SoftmaxCrossEntropy]" : "[SumSquaredError]";
                foreach (string precision in new[] { "Single", "Double" })
                {
                    classes.Add($"[Network(Precision.{precision})] [Input(40)] [Dense(16)] [Tanh] [Dense(24)] [ReLU] [Dense(8)] [Sigmoid] [Dense(3)] {loss} [{OptimizerAllocationTests.Optimizers[i]}]\npublic partial class Online{i}{precision} {{ }}");
                }
            }
            return GeneratorHarness.Build("using Backprop.Generated;\nnamespace Online {\n" + string.Join("\n", classes) + "\n}\n");
        });

        public static IEnumerable<object[]> Cases() => Enumerable.Range(0, OptimizerAllocationTests.Optimizers.Length).Select(i => new object[] { i, OptimizerAllocationTests.Optimizers[i] });

        private static ISupervisedNetwork<T> Create<T>(string name) where T : unmanaged => (ISupervisedNetwork<T>)Activator.CreateInstance(Compiled.Value.GetType("Online." + name)!, 11)!;

        [Theory]
        [MemberData(nameof(Cases))]
        public void One_sample_TrainBatch_equals_Backward_then_Step(int index, string optimizer)
        {
            Compare<float>($"Online{index}Single", v => (float)v, optimizer);
            Compare<double>($"Online{index}Double", v => v, optimizer);
        }

        private static void Compare<T>(string name, Func<double, T> convert, string optimizer) where T : unmanaged, IEquatable<T>
        {
            ISupervisedNetwork<T> online = Create<T>(name), reference = Create<T>(name);
            // The fused path exists (else TrainBatch would fall back to Backward then Step and this would compare it with itself).
            Assert.NotNull(online.GetType().GetMethod("TrainOneSample", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic));
            // TrainBatch takes it only where Vector256 is accelerated: without that this would compare the fallback with itself.
            Assert.True(System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated, "no vectors are accelerated here, so TrainBatch does not take the fused path");
            var random = new Random(5);
            for (int step = 0; step < 6; step++)
            {
                T[] input = Enumerable.Range(0, 40).Select(_ => convert(random.NextDouble() * 4 - 2)).ToArray();
                T[] target = Enumerable.Range(0, 3).Select(k => convert(k == step % 3 ? 1 : 0)).ToArray();
                T loss = online.TrainBatch(input, target);
                T expected = reference.Backward(input, target);
                reference.Step();
                Assert.Equal(expected, loss);
                Assert.True(reference.Parameters.SequenceEqual(online.Parameters), $"{name} ({optimizer}), step {step}: parameters differ");
                Assert.True(reference.OptimizerState.SequenceEqual(online.OptimizerState), $"{name} ({optimizer}), step {step}: optimizer state differs");
                Assert.Equal(reference.StepCount, online.StepCount);
                Assert.Equal(0, online.AccumulatedSamples);
                Assert.True(online.Gradients.ToArray().All(g => g.Equals(default(T))), $"{name}: a gradient was left behind");
            }
        }

        [Fact]
        public void One_sample_TrainBatch_allocates_nothing()
        {
            var net = Create<float>("Online5Single");
            float[] input = Enumerable.Range(0, 40).Select(i => (float)Math.Sin(i)).ToArray(), target = { 0, 1, 0 };
            Assert.Equal(0, Allocations.Measure(() => net.TrainBatch(input, target)));
        }
    }
}
