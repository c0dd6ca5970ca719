using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Backprop.Generated.Tests.Networks;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// The SIMD kernels against the scalar ones on the same networks, whichever width the JIT picks here: most dense layers
    /// and activations of <c>Wide*</c> have a Vector512 path (see the networks' comment), taken where
    /// <c>Vector512.IsHardwareAccelerated</c>, and the Vector256 one otherwise (AVX-512 with 512-bit vectors turned off, or AVX2). <see cref="WidthAgreementTests"/> runs the check in
    /// this process and in child processes with the wide paths turned off, so every width is compared on one machine.
    /// </summary>
    public static class WidthAgreement
    {
        /// <summary>Runs every comparison; throws <see cref="InvalidOperationException"/> naming the first disagreement.</summary>
        public static string Check()
        {
            Compare(new WideSingleA(3), new ScalarSingleA(3), 2e-5, 1e-4);
            Compare(new WideSingleB(3), new ScalarSingleB(3), 2e-5, 1e-4);
            Compare(new WideSingleC(3), new ScalarSingleC(3), 2e-5, 1e-4);
            Compare(new WideSingleD(3), new ScalarSingleD(3), 2e-5, 1e-4);
            Compare(new WideSingleE(3), new ScalarSingleE(3), 2e-5, 1e-4);
            Compare(new WideSingleF(3), new ScalarSingleF(3), 2e-5, 1e-4);
            Compare(new WideSingleG(3), new ScalarSingleG(3), 2e-5, 1e-4);
            Compare(new WideSingleH(3), new ScalarSingleH(3), 2e-5, 1e-4);
            Compare(new WideSingleI(3), new ScalarSingleI(3), 2e-5, 1e-4);
            Compare(new WideSingleJ(3), new ScalarSingleJ(3), 2e-5, 1e-4);
            Compare(new WideSingleK(3), new ScalarSingleK(3), 2e-5, 1e-4);
            Compare(new WideSingleL(3), new ScalarSingleL(3), 2e-5, 1e-4);
            Compare(new WideSingleM(3), new ScalarSingleM(3), 2e-5, 1e-4);
            Compare(new WideSingleN(3), new ScalarSingleN(3), 2e-5, 1e-4);
            Compare(new WideSingleO(3), new ScalarSingleO(3), 2e-5, 1e-4);
            Compare(new WideSingleP(3), new ScalarSingleP(3), 2e-5, 1e-4);
            Compare(new WideDoubleA(3), new ScalarDoubleA(3), 1e-12, 1e-11);
            Compare(new WideDoubleB(3), new ScalarDoubleB(3), 1e-12, 1e-11);
            Compare(new WideDoubleC(3), new ScalarDoubleC(3), 1e-12, 1e-11);
            Compare(new WideDoubleD(3), new ScalarDoubleD(3), 1e-12, 1e-11);
            Compare(new WideDoubleE(3), new ScalarDoubleE(3), 1e-12, 1e-11);
            var q = new WideSingleQ(3);
            Compare(q, new ScalarSingleQ(3), 2e-5, 1e-4, () => new WideSingleQ.Inference(q));
            var r = new WideSingleR(3);
            Compare(r, new ScalarSingleR(3), 2e-5, 1e-4, () => new WideSingleR.Inference(r));
            var s = new WideSingleS(3);
            Compare(s, new ScalarSingleS(3), 2e-5, 1e-4, () => new WideSingleS.Inference(s));
            var tt = new WideSingleT(3);
            Compare(tt, new ScalarSingleT(3), 2e-5, 1e-4, () => new WideSingleT.Inference(tt));
            var u = new WideSingleU(3);
            Compare(u, new ScalarSingleU(3), 2e-5, 1e-4, () => new WideSingleU.Inference(u));
            var g = new WideDoubleG(3);
            Compare(g, new ScalarDoubleG(3), 1e-12, 1e-11, () => new WideDoubleG.Inference(g));
            var f = new WideDoubleF(3);
            Compare(f, new ScalarDoubleF(3), 1e-12, 1e-11, () => new WideDoubleF.Inference(f));
            var a = new WideSingleA(3);
            Compare(a, new ScalarSingleA(3), 2e-5, 1e-4, () => new WideSingleA.Inference(a));   // no layer packed: the network's Forward
            return Describe();
        }

        /// <summary>Which kernels this process runs: what <see cref="Check"/> returns when everything agrees.</summary>
        public static string Describe()
            => "SIMD and scalar kernels agree; Vector512: " + Vector512.IsHardwareAccelerated + ", AVX-512: " + System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported
               + ", Vector256: " + Vector256.IsHardwareAccelerated + ", Vector128: " + Vector128.IsHardwareAccelerated;

        /// <param name="inference">Makes an Inference of <paramref name="vector"/> from its current parameters, when given.</param>
        private static void Compare<T>(ISupervisedNetwork<T> vector, ISupervisedNetwork<T> scalar, double tolerance, double parameterTolerance, Func<IInference<T>>? inference = null) where T : unmanaged
        {
            string name = vector.GetType().Name;
            int inputs = vector.InputSize, outputs = vector.OutputSize;
            const int count = 19;   // four tiles of four and three single samples; ForwardBatch reads Wᵀ from 16 samples on
            var random = new Random(17);
            T[] x = Enumerable.Range(0, inputs * count).Select(_ => From<T>(random.NextDouble() * 4 - 2)).ToArray();
            T[] t = Enumerable.Range(0, outputs * count).Select(i => From<T>(i % outputs == (i / outputs) % outputs ? 1 : 0)).ToArray();
            Same(name + " initial parameters", scalar.Parameters.ToArray(), vector.Parameters.ToArray(), 0);

            // 11 samples: the tiles read W; 16 (exactly the fewest) and 19: Wᵀ where Vector512 runs.
            ForwardAgrees(name, vector, scalar, x.AsSpan(0, 11 * inputs).ToArray(), tolerance);
            ForwardAgrees(name, vector, scalar, x.AsSpan(0, 16 * inputs).ToArray(), tolerance);
            ForwardAgrees(name, vector, scalar, x, tolerance);
            IInference<T>? snapshot = inference?.Invoke();
            T[]? before = null;
            if (snapshot != null)
            {
                Same(name + " Inference parameters", vector.Parameters.ToArray(), snapshot.Parameters.ToArray(), 0);
                before = InferenceAgrees(name + " Inference", snapshot, scalar, x, tolerance);
            }

            for (int s = 0; s < 3; s++)
            {
                T lv = vector.Backward(x.AsSpan(s * inputs, inputs), t.AsSpan(s * outputs, outputs));
                T ls = scalar.Backward(x.AsSpan(s * inputs, inputs), t.AsSpan(s * outputs, outputs));
                Same(name + " Backward loss, sample " + s, new[] { ls }, new[] { lv }, tolerance);
                Same(name + " InputGradient, sample " + s, scalar.InputGradient.ToArray(), vector.InputGradient.ToArray(), tolerance);
            }
            Same(name + " accumulated gradient", scalar.Gradients.ToArray(), vector.Gradients.ToArray(), tolerance);
            vector.ZeroGradients();
            scalar.ZeroGradients();

            for (int step = 0; step < 4; step++)
            {
                T lv = vector.TrainBatch(x, t), ls = scalar.TrainBatch(x, t);
                Same(name + " TrainBatch loss, step " + step, new[] { ls }, new[] { lv }, parameterTolerance);
            }
            Same(name + " parameters after TrainBatch", scalar.Parameters.ToArray(), vector.Parameters.ToArray(), parameterTolerance);
            if (snapshot != null)
            {
                // The steps changed the network's weights, not the copy's: it still computes what it did.
                T[] after = new T[before!.Length];
                int inputs1 = snapshot.InputSize, outputs1 = snapshot.OutputSize;
                for (int s = 0; s < count; s++) snapshot.Forward(x.AsSpan(s * inputs1, inputs1), after.AsSpan(s * outputs1, outputs1));
                Same(name + " Inference after TrainBatch (its own copy)", before, after, 0);
            }

            // The steps changed the weights, and so does a write through a Parameters span held across a batch: ForwardBatch
            // must not read a transpose of the old ones. Both networks get the scalar one's parameters, so they agree closely.
            Span<T> held = vector.Parameters, scalarHeld = scalar.Parameters;
            scalarHeld.CopyTo(held);
            ForwardAgrees(name + " after TrainBatch", vector, scalar, x, tolerance);
            foreach (int i in new[] { 0, 7, held.Length / 3 })
            {
                held[i] = From<T>(0.75 - i % 5 * 0.25);
                scalarHeld[i] = held[i];
            }
            ForwardAgrees(name + " after a write through Parameters", vector, scalar, x, tolerance);
            if (inference != null) InferenceAgrees(name + " Inference after a write through Parameters", inference(), scalar, x, tolerance);
        }

        /// <summary>
        /// An Inference's Forward (sample by sample) and ForwardBatch against the scalar network's Forward; returns the
        /// outputs of its Forward, sample after sample.
        /// </summary>
        private static T[] InferenceAgrees<T>(string name, IInference<T> inference, ISupervisedNetwork<T> scalar, T[] x, double tolerance) where T : unmanaged
        {
            int inputs = inference.InputSize, outputs = inference.OutputSize, count = x.Length / inputs;
            T[] all = new T[outputs * count], b = new T[outputs], batch = new T[outputs * count];
            inference.ForwardBatch(x, batch);
            for (int s = 0; s < count; s++)
            {
                Span<T> a = all.AsSpan(s * outputs, outputs);
                inference.Forward(x.AsSpan(s * inputs, inputs), a);
                scalar.Forward(x.AsSpan(s * inputs, inputs), b);
                Same(name + " Forward, sample " + s, b, a.ToArray(), tolerance);
                Same(name + " ForwardBatch of " + count + ", sample " + s, b, batch.AsSpan(s * outputs, outputs).ToArray(), tolerance);
            }
            return all;
        }

        /// <summary>Forward and ForwardBatch of the SIMD network against the scalar network's Forward, sample by sample.</summary>
        private static void ForwardAgrees<T>(string name, ISupervisedNetwork<T> vector, ISupervisedNetwork<T> scalar, T[] x, double tolerance) where T : unmanaged
        {
            int inputs = vector.InputSize, outputs = vector.OutputSize, count = x.Length / inputs;
            T[] a = new T[outputs], b = new T[outputs], batch = new T[outputs * count];
            vector.ForwardBatch(x, batch);
            for (int s = 0; s < count; s++)
            {
                vector.Forward(x.AsSpan(s * inputs, inputs), a);
                scalar.Forward(x.AsSpan(s * inputs, inputs), b);
                Same(name + " Forward, sample " + s, b, a, tolerance);
                Same(name + " ForwardBatch of " + count + ", sample " + s, b, batch.AsSpan(s * outputs, outputs).ToArray(), tolerance);
            }
        }

        private static T From<T>(double value) => (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

        private static void Same<T>(string what, T[] expected, T[] actual, double tolerance)
        {
            if (expected.Length != actual.Length) throw new InvalidOperationException(what + ": " + actual.Length + " values, expected " + expected.Length + ".");
            for (int i = 0; i < expected.Length; i++)
            {
                double e = Convert.ToDouble(expected[i]), v = Convert.ToDouble(actual[i]);
                bool close = tolerance == 0 ? e.Equals(v) : Infrastructure.Close.Within(e, v, tolerance);
                if (!close) throw new InvalidOperationException(what + ": value " + i + " is " + v.ToString("R") + " with SIMD but " + e.ToString("R") + " scalar.");
            }
        }
    }
}
