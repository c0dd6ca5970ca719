using System;
using System.Linq;
using Backprop.Generated;
using Backprop.Generated.Tests.Infrastructure;
using Backprop.Generated.Tests.Networks;
using Xunit;

namespace Backprop.Generated.Tests
{
    [Network(Precision.Single)] [Input(2)] [Dense(1)] [Sigmoid] [BinaryCrossEntropy] [Sgd(LearningRate = 0.1)]
    public partial class SigmoidClassifier { }

    public sealed class MiniBatchTrainerTests
    {
        private static readonly float[] Inputs = Enumerable.Range(0, 4 * 37).Select(i => (float)Math.Cos(i * 0.37)).ToArray();
        private static readonly float[] Targets = Enumerable.Range(0, 3 * 37).Select(i => i % 3 == (i / 3) % 3 ? 1f : 0f).ToArray();

        [Fact]
        public void An_epoch_is_batches_in_the_shuffled_order_with_a_smaller_last_batch()
        {
            var a = new IrisNet(4);
            var trainer = new MiniBatchTrainer<float>(a, Inputs, Targets, batchSize: 16, seed: 3);
            Assert.Equal(3, trainer.BatchesPerEpoch);
            double epochLoss = trainer.TrainEpoch();
            int[] order = trainer.LastOrder.ToArray();
            Assert.Equal(Enumerable.Range(0, 37), order.OrderBy(i => i));
            Assert.NotEqual(Enumerable.Range(0, 37), order);

            // The same batches by hand give the same parameters and the same size-weighted mean loss.
            var b = new IrisNet(4);
            double weighted = 0;
            foreach (int[] batch in order.Chunk(16))
            {
                float[] x = batch.SelectMany(i => Inputs.Skip(i * 4).Take(4)).ToArray();
                float[] t = batch.SelectMany(i => Targets.Skip(i * 3).Take(3)).ToArray();
                weighted += b.TrainBatch(x, t) * batch.Length;
            }
            Assert.Equal(b.Parameters.ToArray(), a.Parameters.ToArray());
            Assert.Equal(weighted / 37, epochLoss, 6);
            Assert.Equal(3, a.StepCount);
        }

        [Fact]
        public void Accuracy_of_a_single_output_classifier_thresholds_at_one_half()
        {
            var net = new SigmoidClassifier(1);
            // Weights that output σ(x₀): above 0.5 exactly when x₀ > 0.
            net.SetParameters(new float[] { 20, 0, 0 });
            float[] inputs = { 1, 0, -1, 0, 2, 5, -3, 5 }, targets = { 1, 0, 0, 0 };   // the third and fourth samples: 1 right, 1 wrong
            var trainer = new MiniBatchTrainer<float>(net, inputs, targets, 4, 0);
            Assert.Equal(0.75, trainer.Accuracy(inputs, targets));
        }

        [Fact]
        public void Shuffling_is_deterministic_for_a_seed()
        {
            var first = new MiniBatchTrainer<float>(new IrisNet(1), Inputs, Targets, 8, seed: 11);
            var second = new MiniBatchTrainer<float>(new IrisNet(1), Inputs, Targets, 8, seed: 11);
            var third = new MiniBatchTrainer<float>(new IrisNet(1), Inputs, Targets, 8, seed: 12);
            first.TrainEpoch();
            second.TrainEpoch();
            third.TrainEpoch();
            Assert.Equal(first.LastOrder.ToArray(), second.LastOrder.ToArray());
            Assert.NotEqual(first.LastOrder.ToArray(), third.LastOrder.ToArray());
        }

        [Fact]
        public void An_epoch_allocates_nothing()
        {
            var trainer = new MiniBatchTrainer<float>(new IrisNet(2), Inputs, Targets, 16, seed: 1);
            Assert.Equal(0, Allocations.Measure(() =>
            {
                trainer.TrainEpoch();
                trainer.Accuracy(Inputs, Targets);
                trainer.Loss(Inputs, Targets);
            }, repetitions: 50));
        }

        [Fact]
        public void Bad_shapes_and_orders_are_refused()
        {
            var net = new IrisNet(1);
            Assert.Throws<ArgumentException>(() => new MiniBatchTrainer<float>(net, new float[7], new float[3], 4, 0));
            Assert.Throws<ArgumentException>(() => new MiniBatchTrainer<float>(net, new float[8], new float[3], 4, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchTrainer<float>(net, new float[8], new float[6], 0, 0));
            var trainer = new MiniBatchTrainer<float>(net, new float[8], new float[6], 4, 0);
            float[] before = net.Parameters.ToArray();
            Assert.Throws<ArgumentException>(() => trainer.TrainEpoch(new[] { 0, 0 }));
            Assert.Throws<ArgumentException>(() => trainer.TrainEpoch(new[] { 0, 2 }));
            Assert.Throws<ArgumentException>(() => trainer.TrainEpoch(new[] { 1 }));
            Assert.Equal(before, net.Parameters.ToArray());
        }
    }
}
