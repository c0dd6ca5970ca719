using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Backprop.Generated.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Backprop.Generated.Tests.Oracle
{
    /// <summary>
    /// The real-data training runs PyTorch recorded (Oracle/training, copied from the shared oracle): iris and digits,
    /// full-batch and mini-batch SGD. Every step's loss must match PyTorch's to 1e-9 relative in double over the whole
    /// run, and the final accuracy must be the same.
    /// </summary>
    public sealed class TrainingReferenceTests
    {
        private const double Tolerance = 1e-9;   // the issue asks 1e-6; the runs agree to about 2e-15
        private readonly ITestOutputHelper _output;

        public TrainingReferenceTests(ITestOutputHelper output) => _output = output;

        private static string Folder => Path.Combine(AppContext.BaseDirectory, "Oracle", "training");

        public static TheoryData<string> Runs() => new() { "iris_fullbatch", "iris_minibatch", "digits_fullbatch", "digits_minibatch" };

        [Fact]
        public void The_training_references_are_present()
            => Assert.Equal(new[] { "digits_fullbatch", "digits_minibatch", "iris_fullbatch", "iris_minibatch" },
                Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal));

        [Theory]
        [MemberData(nameof(Runs))]
        public void Training_matches_pytorch_step_by_step(string name)
        {
            OracleCase c = OracleCase.Load(Path.Combine(Folder, name + ".json"));
            Assembly assembly = GeneratorHarness.Build(c.Declaration("Training_" + name));
            var net = (ISupervisedNetwork<double>)Activator.CreateInstance(assembly.GetType("Training_" + name + ".Net")!, 0)!;
            net.SetParameters(OracleCase.Flatten(c.Root.GetProperty("parameters")));

            // Standardize exactly as the file says: Z = (X − mean)/std per feature, in double.
            JsonElement pre = c.Root.GetProperty("preprocessing");
            double[] mean = pre.GetProperty("mean").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double[] std = pre.GetProperty("std").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double[] z = c.X.SelectMany(row => row.Select((v, i) => (v - mean[i]) / std[i])).ToArray();
            double[] y = c.Y!.SelectMany(row => row).ToArray();
            int n = c.X.Length;
            JsonElement training = c.Training!.Value;
            double[] expectedLosses = training.GetProperty("loss_per_step").EnumerateArray().Select(v => v.GetDouble()).ToArray();

            var trainer = new MiniBatchTrainer<double>(net, z, y, training.TryGetProperty("batch_size", out JsonElement b) ? b.GetInt32() : n, seed: 0);
            Close.One(c.Expected.GetProperty("loss").GetDouble(), trainer.Loss(z, y), 1e-9, name + ": starting loss");

            double worst = 0;
            int step = 0;
            void Check(double expected, double actual, string what)
            {
                worst = Math.Max(worst, Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected)));
                Close.One(expected, actual, Tolerance, $"{name}: {what}");
            }
            trainer.BatchCompleted = (_, _, loss) => { Check(expectedLosses[step], loss, $"loss_per_step[{step}]"); step++; };

            if (training.TryGetProperty("order", out JsonElement orders))
            {
                double[] epochLosses = training.GetProperty("epoch_loss").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                int epoch = 0;
                foreach (JsonElement order in orders.EnumerateArray())
                {
                    trainer.TrainEpoch(order.EnumerateArray().Select(v => v.GetInt32()).ToArray());
                    Check(epochLosses[epoch], trainer.Loss(z, y), $"epoch_loss[{epoch}]");
                    epoch++;
                }
            }
            else
            {
                for (int i = 0; i < expectedLosses.Length; i++) trainer.TrainEpoch();   // one batch of all samples per epoch
            }

            Assert.Equal(expectedLosses.Length, step);
            Check(training.GetProperty("final_loss").GetDouble(), trainer.Loss(z, y), "final_loss");
            Assert.Equal(training.GetProperty("final_accuracy").GetDouble(), trainer.Accuracy(z, y));
            _output.WriteLine($"{name}: {step} steps, largest relative difference from PyTorch {worst:E2}");
        }
    }
}
