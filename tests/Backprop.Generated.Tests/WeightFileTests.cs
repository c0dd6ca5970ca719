using System;
using System.IO;
using System.Linq;
using Backprop.Generated.Tests.Networks;
using Xunit;

namespace Backprop.Generated.Tests
{
    [Network(Precision.Single)]
    [Input(4)]
    [Dense(8)] [ReLU]
    [Dense(3)]
    [SoftmaxCrossEntropy]
    [Adam(LearningRate = 0.01)]
    public partial class IrisAdamNet { }

    [Network(Precision.Double)]
    [Input(4)]
    [Dense(16)] [ReLU]
    [Dense(3)]
    [SoftmaxCrossEntropy]
    [Sgd(LearningRate = 0.1, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-4)]
    public partial class IrisNetDouble { }

    [Network(Precision.Single)] [Input(4)] [Dense(16)] [ReLU] [Dense(3)] [SoftmaxCrossEntropy] [RmsProp(Centered = true)]
    public partial class CenteredNet { }

    [Network(Precision.Single)] [Input(4)] [Dense(16)] [ReLU] [Dense(3)] [SoftmaxCrossEntropy] [RmsProp(Momentum = 0.9)]
    public partial class MomentumNet { }

    /// <summary>Saving and loading: bit-exact round trips, and every corrupt or mismatched file refused with the network unchanged.</summary>
    public sealed class WeightFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "bpg-weights-" + Guid.NewGuid().ToString("N"));
        private static readonly float[] Inputs = Enumerable.Range(0, 40).Select(i => (float)Math.Sin(i * 0.7)).ToArray();
        private static readonly float[] Targets = Enumerable.Range(0, 30).Select(i => i % 3 == (i / 3) % 3 ? 1f : 0f).ToArray();

        public WeightFileTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static IrisNet Trained()
        {
            var net = new IrisNet(7);
            for (int i = 0; i < 5; i++) net.TrainBatch(Inputs, Targets);
            return net;
        }

        private static byte[] Saved(IrisNet net, bool state = true)
        {
            using var stream = new MemoryStream();
            WeightFile.Save(net, stream, state);
            return stream.ToArray();
        }

        private static void AssertRefused(byte[] file, string messagePart)
        {
            var net = new IrisNet(99);
            float[] before = net.Parameters.ToArray(), stateBefore = net.OptimizerState.ToArray();
            double rateBefore = net.LearningRate;
            var ex = Assert.Throws<InvalidDataException>(() => WeightFile.Load(net, new MemoryStream(file)));
            Assert.Contains(messagePart, ex.Message);
            Assert.Equal(before, net.Parameters.ToArray());
            Assert.Equal(stateBefore, net.OptimizerState.ToArray());
            Assert.Equal(0, net.StepCount);
            Assert.Equal(rateBefore, net.LearningRate);
        }

        [Fact]
        public void Round_trip_restores_outputs_bit_for_bit_and_resumes_training_identically()
        {
            IrisNet original = Trained();
            string path = Path.Combine(_folder, "iris.bpgw");
            WeightFile.Save(original, path);
            var loaded = new IrisNet(123);
            WeightFile.Load(loaded, path);
            Assert.Equal(original.Parameters.ToArray(), loaded.Parameters.ToArray());
            Assert.Equal(original.OptimizerState.ToArray(), loaded.OptimizerState.ToArray());
            Assert.Equal(original.StepCount, loaded.StepCount);
            float[] a = new float[3], b = new float[3];
            for (int s = 0; s < 10; s++)
            {
                original.Forward(Inputs.AsSpan(s * 4, 4), a);
                loaded.Forward(Inputs.AsSpan(s * 4, 4), b);
                Assert.Equal(a.Select(BitConverter.SingleToInt32Bits), b.Select(BitConverter.SingleToInt32Bits));
            }
            original.TrainBatch(Inputs, Targets);
            loaded.TrainBatch(Inputs, Targets);
            Assert.Equal(original.Parameters.ToArray(), loaded.Parameters.ToArray());
        }

        [Fact]
        public void Parameters_only_round_trip_without_optimizer_state()
        {
            IrisNet original = Trained();
            var loaded = new IrisNet(5);
            WeightFile.Load(loaded, new MemoryStream(Saved(original, state: false)));
            Assert.Equal(original.Parameters.ToArray(), loaded.Parameters.ToArray());
            Assert.All(loaded.OptimizerState.ToArray(), v => Assert.Equal(0f, v));
            Assert.Equal(0, loaded.StepCount);
        }

        [Fact]
        public void Optimizer_state_of_another_layout_is_refused()
        {
            // Both keep 2 values per parameter: the name records which (ḡ or the momentum buffer).
            var centered = new CenteredNet(1);
            centered.TrainBatch(Inputs, Targets);
            using var stream = new MemoryStream();
            WeightFile.Save(centered, stream);
            var momentum = new MomentumNet(2);
            float[] before = momentum.Parameters.ToArray();
            var ex = Assert.Throws<InvalidDataException>(() => WeightFile.Load(momentum, new MemoryStream(stream.ToArray())));
            Assert.Contains("holds RmsProp(centered) state", ex.Message);
            Assert.Contains("this network's optimizer is RmsProp(momentum)", ex.Message);
            Assert.Equal(before, momentum.Parameters.ToArray());
            WeightFile.Load(momentum, new MemoryStream(stream.ToArray()), includeOptimizerState: false);
            Assert.Equal(centered.Parameters.ToArray(), momentum.Parameters.ToArray());
        }

        [Fact]
        public void Loading_parameters_without_state_restarts_the_optimizer()
        {
            IrisNet trained = Trained();
            Assert.Contains(trained.OptimizerState.ToArray(), v => v != 0);
            Assert.True(trained.StepCount > 0);
            WeightFile.Load(trained, new MemoryStream(Saved(new IrisNet(3), state: false)));
            Assert.All(trained.OptimizerState.ToArray(), v => Assert.Equal(0f, v));
            Assert.Equal(0, trained.StepCount);
            Assert.Equal(new IrisNet(3).Parameters.ToArray(), trained.Parameters.ToArray());
        }

        [Fact]
        public void Truncated_files_are_refused_at_every_length()
        {
            byte[] file = Saved(Trained());
            foreach (int length in new[] { 0, 3, 7, 12, 30, file.Length / 2, file.Length - 9, file.Length - 1 })
            {
                AssertRefused(file.AsSpan(0, length).ToArray(), length < 4 ? "does not start with 'BPGW'" : "truncated");
            }
        }

        [Fact]
        public void A_flipped_bit_fails_the_checksum()
        {
            byte[] file = Saved(Trained());
            foreach (int position in new[] { file.Length / 2, file.Length - 20 })
            {
                byte[] corrupt = (byte[])file.Clone();
                corrupt[position] ^= 0x10;
                AssertRefused(corrupt, "checksum");
            }
        }

        [Fact]
        public void Another_architecture_is_refused_naming_both()
        {
            var other = new IrisAdamNet(1);
            using var stream = new MemoryStream();
            WeightFile.Save(other, stream);
            AssertRefused(stream.ToArray(), "was written for the architecture 'Single; Input(4); Dense(8); ReLU; Dense(3)' (67 parameters), but this network is 'Single; Input(4); Dense(16); ReLU; Dense(3)' (131 parameters)");
        }

        [Fact]
        public void Another_precision_is_refused()
        {
            using var stream = new MemoryStream();
            WeightFile.Save(new IrisNetDouble(1), stream);
            AssertRefused(stream.ToArray(), "double-precision values, but this network computes in Single");
        }

        [Fact]
        public void Another_format_or_a_foreign_file_is_refused()
        {
            byte[] file = Saved(Trained());
            byte[] future = (byte[])file.Clone();
            future[4] = 9;
            AssertRefused(future, "format version 9");
            AssertRefused(System.Text.Encoding.UTF8.GetBytes("{\"weights\": [1, 2, 3]}"), "not a Backprop.Generated weight file");
        }

        [Fact]
        public void Saving_over_a_file_replaces_it_whole_and_leaves_no_temporary_files()
        {
            string path = Path.Combine(_folder, "net.bpgw");
            WeightFile.Save(new IrisNet(1), path);
            IrisNet trained = Trained();
            WeightFile.Save(trained, path);
            Assert.Equal(new[] { "net.bpgw" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
            var loaded = new IrisNet(2);
            WeightFile.Load(loaded, path);
            Assert.Equal(trained.Parameters.ToArray(), loaded.Parameters.ToArray());
        }

        [Fact]
        public void A_failed_save_leaves_the_old_file_intact()
        {
            string path = Path.Combine(_folder, "keep.bpgw");
            WeightFile.Save(new IrisNet(1), path);
            byte[] before = File.ReadAllBytes(path);
            Assert.Throws<ArgumentNullException>(() => WeightFile.Save<float>(null!, path));
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(_folder));
        }
    }
}
