using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Backprop.Generated.Tests.Infrastructure;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>Every optimizer variant's Step and TrainBatch allocate nothing after warm-up, in both precisions.</summary>
    public sealed class OptimizerAllocationTests
    {
        public static readonly string[] Optimizers =
        {
            "Sgd(LearningRate = 0.1)",
            "Sgd(LearningRate = 0.1, WeightDecay = 0.01)",
            "Sgd(LearningRate = 0.1, Momentum = 0.9)",
            "Sgd(LearningRate = 0.1, Momentum = 0.9, Dampening = 0.5)",
            "Sgd(LearningRate = 0.1, Momentum = 0.9, Nesterov = true, WeightDecay = 0.01)",
            "Adam(LearningRate = 0.01)",
            "Adam(LearningRate = 0.01, WeightDecay = 0.1)",
            "AdamW(LearningRate = 0.01, WeightDecay = 0.1)",
            "RmsProp(LearningRate = 0.01)",
            "RmsProp(LearningRate = 0.01, Momentum = 0.9)",
            "RmsProp(LearningRate = 0.01, Centered = true, WeightDecay = 0.01)",
            "RmsProp(LearningRate = 0.01, Centered = true, Momentum = 0.5)",
        };

        private static readonly Lazy<Assembly> Compiled = new(() =>
        {
            var classes = new List<string>();
            for (int i = 0; i < Optimizers.Length; i++)
            {
                foreach (string precision in new[] { "Single", "Double" })
                {
                    classes.Add($"[Network(Precision.{precision})] [Input(5)] [Dense(7)] [Tanh] [Dense(3)] [SoftmaxCrossEntropy] [{Optimizers[i]}] [ClipGradNorm(5.0)]\npublic partial class Opt{i}{precision} {{ }}");
                }
            }
            return GeneratorHarness.Build("using Backprop.Generated;\nnamespace Optimizers {\n" + string.Join("\n", classes) + "\n}\n");
        });

        public static IEnumerable<object[]> Cases() => Enumerable.Range(0, Optimizers.Length).Select(i => new object[] { i, Optimizers[i] });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Step_and_TrainBatch_allocate_nothing(int index, string optimizer)
        {
            var single = (ISupervisedNetwork<float>)Activator.CreateInstance(Compiled.Value.GetType($"Optimizers.Opt{index}Single")!, 1)!;
            var dbl = (ISupervisedNetwork<double>)Activator.CreateInstance(Compiled.Value.GetType($"Optimizers.Opt{index}Double")!, 1)!;
            float[] xs = Enumerable.Range(0, 20).Select(i => (float)Math.Sin(i)).ToArray(), ts = Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? 1f : 0f).ToArray();
            double[] xd = xs.Select(v => (double)v).ToArray(), td = ts.Select(v => (double)v).ToArray();
            Assert.Equal(0, Allocations.Measure(() => { single.Backward(xs.AsSpan(0, 5), ts.AsSpan(0, 3)); single.Step(); }));
            Assert.Equal(0, Allocations.Measure(() => single.TrainBatch(xs, ts)));
            Assert.Equal(0, Allocations.Measure(() => { dbl.Backward(xd.AsSpan(0, 5), td.AsSpan(0, 3)); dbl.Step(); }));
            Assert.Equal(0, Allocations.Measure(() => dbl.TrainBatch(xd, td)));
            // The name is the optimizer's kind, then the state-bearing options it uses: "RmsProp(centered, momentum)".
            var options = new[] { ("Centered = true", "centered"), ("Momentum =", "momentum") }.Where(o => optimizer.Contains(o.Item1)).Select(o => o.Item2).ToList();
            Assert.Equal(optimizer.Substring(0, optimizer.IndexOf('(')) + (options.Count > 0 ? "(" + string.Join(", ", options) + ")" : ""), single.OptimizerName);
            Assert.True(single.StepCount > 0 && dbl.StepCount > 0);
        }
    }
}
