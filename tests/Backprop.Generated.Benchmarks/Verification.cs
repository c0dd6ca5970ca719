using System;
using System.Globalization;
using System.IO;
using Backprop.Generated.Benchmarks.Baselines;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>
    /// Checks that the four implementations of a network compute the same thing before any of them is timed: from the
    /// generated network's initial parameters, the same forward outputs (one sample and a batch), and the same
    /// parameters after one single-sample training step and after one batch step. Throws on the first difference.
    /// </summary>
    public static class Verification
    {
        /// <summary>The seed of the generated networks' initialization, in the benchmarks and here.</summary>
        public const int Seed = 42;

        /// <summary>The seed of the sample data.</summary>
        public const int DataSeed = 7;

        /// <summary>
        /// The tolerance: outputs agree to this relative to the largest output of the batch (the max-norm relative error),
        /// losses and parameters to this relative to each value.
        /// </summary>
        public const float Relative = 1e-4f;

        private const float Normwise = 1f;

        private const float Elementwise = 1e-3f;

        /// <summary>Creates the three baselines of <typeparamref name="TGenerated"/>'s network, with its parameters.</summary>
        public static (JaggedNetwork Jagged, TensorPrimitivesNetwork TensorPrimitives, MathNetNetwork MathNet) CreateBaselines<TGenerated>(TGenerated generated)
            where TGenerated : struct, IGeneratedAdapter<TGenerated>
        {
            NetworkShape shape = NetworkShape.Parse(TGenerated.Architecture);
            float learningRate = (float)generated.Network.LearningRate;
            if (shape.ParameterCount != generated.Network.ParameterCount)
            {
                throw new InvalidOperationException(TGenerated.Architecture + ": the baselines count " + shape.ParameterCount + " parameters, the generated network " + generated.Network.ParameterCount + ".");
            }
            var jagged = new JaggedNetwork(shape, learningRate);
            var tensorPrimitives = new TensorPrimitivesNetwork(shape, learningRate);
            var mathNet = new MathNetNetwork(shape, learningRate);
            ReadOnlySpan<float> parameters = generated.Network.Parameters;
            jagged.SetParameters(parameters);
            tensorPrimitives.SetParameters(parameters);
            mathNet.SetParameters(parameters);
            return (jagged, tensorPrimitives, mathNet);
        }

        /// <summary>Verifies one network; writes one line per check to <paramref name="log"/> when given.</summary>
        /// <exception cref="InvalidOperationException">An implementation disagrees with the generated network.</exception>
        public static void Verify<TGenerated>(TextWriter? log = null) where TGenerated : struct, IGeneratedAdapter<TGenerated>
        {
            string network = typeof(TGenerated).Name.Replace("Adapter", "", StringComparison.Ordinal);
            TGenerated generated = TGenerated.Create(Seed);
            var (jagged, tensorPrimitives, mathNet) = CreateBaselines(generated);
            IReferenceNetwork[] all = { new GeneratedReference<TGenerated>(generated), jagged, tensorPrimitives, mathNet };
            NetworkShape shape = NetworkShape.Parse(TGenerated.Architecture);
            var data = new SampleData(shape, DataSeed);
            float[] initial = generated.Network.Parameters.ToArray();
            int outputs = shape.OutputSize;
            log?.WriteLine(network + ": " + TGenerated.Architecture + ", " + initial.Length + " parameters");

            // Forward, one sample at a time (a few samples) and a batch.
            var expected = new float[SampleData.BatchSize * outputs];
            var actual = new float[SampleData.BatchSize * outputs];
            for (int s = 0; s < 4; s++)
            {
                all[0].Forward(data.Input(s), expected.AsSpan(0, outputs));
                for (int n = 1; n < all.Length; n++)
                {
                    all[n].Forward(data.Input(s), actual.AsSpan(0, outputs));
                    Compare(network, all[n].Name, "Forward output, sample " + s, expected.AsSpan(0, outputs), actual.AsSpan(0, outputs), Normwise);
                }
            }
            for (int s = 0; s < 4; s++)
            {
                // The Inference, made from the same initial parameters, against the network's own Forward.
                all[0].Forward(data.Input(s), expected.AsSpan(0, outputs));
                generated.InferenceForward(data.Input(s), actual.AsSpan(0, outputs));
                Compare(network, "Generated Inference", "Forward output, sample " + s, expected.AsSpan(0, outputs), actual.AsSpan(0, outputs), Normwise);
            }
            all[0].ForwardBatch(data.BatchInputs(0), expected);
            float worst = 0f;
            for (int n = 1; n < all.Length; n++)
            {
                all[n].ForwardBatch(data.BatchInputs(0), actual);
                worst = MathF.Max(worst, Compare(network, all[n].Name, "ForwardBatch outputs", expected, actual, Normwise));
            }
            // The Inference's batch, from the same initial parameters, against the network's own ForwardBatch.
            generated.InferenceForwardBatch(data.BatchInputs(0), actual);
            worst = MathF.Max(worst, Compare(network, "Generated Inference", "ForwardBatch outputs", expected, actual, Normwise));
            log?.WriteLine("  forward (4 samples and a batch of 32): all agree, largest difference " + Format(worst) + " of the largest output");

            // One training step on one sample, then (from the initial parameters again) one on a batch.
            CheckTraining(network, all, initial, "training step on one sample", net => { float loss = net.Backward(data.Input(0), data.Target(0)); net.Step(); return loss; }, log);
            CheckTraining(network, all, initial, "training step on one sample through TrainBatch", net => net.TrainBatch(data.Input(0), data.Target(0)), log);
            CheckTraining(network, all, initial, "training step on a batch of 32", net => net.TrainBatch(data.BatchInputs(0), data.BatchTargets(0)), log);
        }

        /// <summary>Verifies every network.</summary>
        public static void VerifyAll(TextWriter log)
        {
            Verify<N1Adapter>(log);
            Verify<N2Adapter>(log);
            Verify<N3Adapter>(log);
            Verify<N4Adapter>(log);
        }

        private static void CheckTraining(string network, IReferenceNetwork[] all, float[] initial, string what, Func<IReferenceNetwork, float> train, TextWriter? log)
        {
            var expected = new float[initial.Length];
            var actual = new float[initial.Length];
            var expectedChange = new float[initial.Length];
            var actualChange = new float[initial.Length];
            foreach (IReferenceNetwork net in all) net.SetParameters(initial);
            float expectedLoss = train(all[0]);
            all[0].GetParameters(expected);
            for (int i = 0; i < initial.Length; i++) expectedChange[i] = expected[i] - initial[i];
            // The update is small next to the parameters, so compare it on its own too: a wrong gradient could hide
            // in the parameters' low digits. Its floor is the largest change's 1e-4 plus the rounding of the parameter.
            float largestChange = 0f;
            foreach (float change in expectedChange) largestChange = MathF.Max(largestChange, MathF.Abs(change));
            if (!(largestChange > 0f)) throw new InvalidOperationException(network + ", " + what + ": the generated step changed no parameter.");
            float worstParameter = 0f, worstChange = 0f;
            for (int n = 1; n < all.Length; n++)
            {
                float loss = train(all[n]);
                Compare(network, all[n].Name, what + ": loss", new[] { expectedLoss }, new[] { loss }, Elementwise);
                all[n].GetParameters(actual);
                worstParameter = MathF.Max(worstParameter, Compare(network, all[n].Name, what + ": parameters", expected, actual, Elementwise));
                for (int i = 0; i < initial.Length; i++) actualChange[i] = actual[i] - initial[i];
                worstChange = MathF.Max(worstChange, CompareChanges(network, all[n].Name, what, expectedChange, actualChange, initial, largestChange));
            }
            log?.WriteLine("  " + what + ": all agree, largest relative difference of the parameters " + Format(worstParameter) + ", of their changes " + Format(worstChange) + " (of the largest change)");
        }

        // |a − e| ≤ Relative·max(|a|, |e|, floorFraction·max |expected|): elementwise relative, except that entries much
        // smaller than the vector's largest are held to a fraction of that (floorFraction 1 makes it the max-norm relative
        // error, right for outputs, where sums cancel and a tiny output carries the rounding of its large terms).
        private static float Compare(string network, string implementation, string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float floorFraction)
        {
            float largest = 0f;
            foreach (float e in expected) largest = MathF.Max(largest, MathF.Abs(e));
            float floor = floorFraction * largest;
            float worst = 0f;
            for (int i = 0; i < expected.Length; i++)
            {
                float e = expected[i], a = actual[i];
                float scale = MathF.Max(floor, MathF.Max(MathF.Abs(e), MathF.Abs(a)));
                float difference = MathF.Abs(a - e);
                if (!(difference <= Relative * scale))
                {
                    throw new InvalidOperationException(network + ": " + implementation + " disagrees with the generated network on the " + what + " at [" + i + "]: "
                        + Exact(a) + " instead of " + Exact(e) + " (tolerance " + Format(Relative) + " relative"
                        + (floorFraction >= 1f ? " to the largest, " + Format(largest) : "") + ").");
                }
                if (scale > 0f) worst = MathF.Max(worst, difference / scale);
            }
            return worst;
        }

        private static float CompareChanges(string network, string implementation, string what, float[] expected, float[] actual, float[] initial, float largest)
        {
            float worst = 0f;
            for (int i = 0; i < expected.Length; i++)
            {
                float difference = MathF.Abs(actual[i] - expected[i]);
                // Up to a few units in the last place of the parameter come from the subtraction itself.
                float rounding = 4f * MathF.Abs(initial[i]) * 1.2e-7f;
                if (!(difference <= 10f * Relative * MathF.Abs(expected[i]) + Relative * largest + rounding))
                {
                    throw new InvalidOperationException(network + ", " + what + ": " + implementation + " changes parameter [" + i + "] by "
                        + Exact(actual[i]) + ", the generated network by " + Exact(expected[i]) + " (largest change " + Format(largest) + ").");
                }
                worst = MathF.Max(worst, difference / largest);
            }
            return worst;
        }

        private static string Format(float value) => value.ToString("G3", CultureInfo.InvariantCulture);

        private static string Exact(float value) => value.ToString("G9", CultureInfo.InvariantCulture);
    }
}
