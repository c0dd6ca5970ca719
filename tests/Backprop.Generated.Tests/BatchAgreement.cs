using System;
using System.Collections.Generic;
using System.Linq;
using Backprop.Generated.Tests.Networks;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// The batched paths against the one-sample path, on networks compiled into this assembly. The tile forward chooses
    /// its register blocking from the instruction set when the JIT compiles it (16 accumulators with AVX-512's 32
    /// vector registers, 8 with AVX2's 16), so the check runs twice: here, and in a child process of this assembly
    /// (see <see cref="Program"/>) with <c>DOTNET_EnableAVX512=0</c>.
    /// </summary>
    public static class BatchAgreement
    {
        /// <summary>Runs every comparison; throws <see cref="InvalidOperationException"/> naming the first disagreement.</summary>
        public static string Check()
        {
            var random = new Random(5);
            const int count = 11;   // two tiles of 4 and three single samples
            double[] inputs = Enumerable.Range(0, 37 * count).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            // 19 samples, four tiles and three single: from 16 on, ForwardBatch reads the first layer's Wᵀ where Vector512 runs.
            double[] more = Enumerable.Range(0, 37 * 19).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            double[] targets = Enumerable.Range(0, 3 * count).Select(i => i % 3 == (i / 3) % 3 ? 1.0 : 0.0).ToArray();
            float[] inputsF = inputs.Select(v => (float)v).ToArray(), targetsF = targets.Select(v => (float)v).ToArray();

            Compare("float ForwardBatch", ForwardBoth(new TiledSingle(3), inputsF), 1e-5);
            Compare("double ForwardBatch", ForwardBoth(new TiledDouble(3), inputs), 1e-12);
            Compare("float ForwardBatch of 19", ForwardBoth(new TiledSingle(3), more.Select(v => (float)v).ToArray()), 1e-5);
            Compare("double ForwardBatch of 19", ForwardBoth(new TiledDouble(3), more), 1e-12);
            Compare("float TrainBatch", TrainBoth(new TiledSingle(3), new TiledSingle(3), inputsF, targetsF), 1e-5);
            Compare("double TrainBatch", TrainBoth(new TiledDouble(3), new TiledDouble(3), inputs, targets), 1e-12);
            return "batched and one-sample paths agree; AVX-512: " + System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported;
        }

        private static (double[] Batched, double[] OneByOne) ForwardBoth<T>(INetwork<T> net, T[] inputs) where T : unmanaged
        {
            int count = inputs.Length / 37;
            T[] batch = new T[3 * count], one = new T[3];
            var single = new double[3 * count];
            net.ForwardBatch(inputs, batch);
            for (int s = 0; s < count; s++)
            {
                net.Forward(inputs.AsSpan(s * 37, 37), one);
                for (int k = 0; k < 3; k++) single[s * 3 + k] = Convert.ToDouble(one[k]);
            }
            return (batch.Select(v => Convert.ToDouble(v)).ToArray(), single);
        }

        private static (double[] Batched, double[] OneByOne) TrainBoth<T>(ISupervisedNetwork<T> tiled, ISupervisedNetwork<T> single, T[] inputs, T[] targets) where T : unmanaged
        {
            int count = inputs.Length / 37;
            for (int step = 0; step < 3; step++)
            {
                tiled.TrainBatch(inputs, targets);
                for (int s = 0; s < count; s++) single.Backward(inputs.AsSpan(s * 37, 37), targets.AsSpan(s * 3, 3));
                single.Step();
            }
            return (tiled.Parameters.ToArray().Select(v => Convert.ToDouble(v)).ToArray(), single.Parameters.ToArray().Select(v => Convert.ToDouble(v)).ToArray());
        }

        private static void Compare(string what, (double[] Batched, double[] OneByOne) results, double tolerance)
        {
            for (int i = 0; i < results.Batched.Length; i++)
            {
                double a = results.Batched[i], b = results.OneByOne[i];
                if (!Infrastructure.Close.Within(b, a, tolerance))
                    throw new InvalidOperationException(what + ": value " + i + " is " + a + " batched but " + b + " one sample at a time.");
            }
        }
    }

    /// <summary>
    /// The entry point of this test assembly run as a program (<c>dotnet exec Backprop.Generated.Tests.dll --batch-agreement</c>
    /// or <c>--width-agreement</c>), which <see cref="BatchAgreementTests"/> and <see cref="WidthAgreementTests"/> do with
    /// wider vectors turned off (<see cref="Infrastructure.ChildProcess"/>).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Func<string>? check = args.Length != 1 ? null : args[0] switch
            {
                "--batch-agreement" => BatchAgreement.Check,
                "--width-agreement" => WidthAgreement.Check,
                _ => null,
            };
            if (check is null)
            {
                Console.Error.WriteLine("usage: --batch-agreement | --width-agreement (the tests run through dotnet test)");
                return 2;
            }
            try
            {
                Console.WriteLine(check());
                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }
    }

    public sealed class BatchAgreementTests
    {
        [Fact]
        public void Batched_paths_agree_with_one_sample_at_a_time_on_this_machine()
        {
            Assert.StartsWith("batched and one-sample paths agree", BatchAgreement.Check());
        }

        [Fact]
        public async System.Threading.Tasks.Task Batched_paths_agree_with_one_sample_at_a_time_without_AVX512()
        {
            string output = await Infrastructure.ChildProcess.Run("--batch-agreement", new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0" });
            Assert.Equal("batched and one-sample paths agree; AVX-512: False", output);
        }
    }
}
