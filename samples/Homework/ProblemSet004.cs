using System;

namespace Homework
{
    /// <summary>
    /// 004_7dcf48a726fda0b0.txt, Homework 4 (2024): a scalar residual block's gradients (T1), the output sizes (T2) and
    /// parameter count (T3) of 30 → 1024 → 512 → 1 with batch 32, and the softmax–cross-entropy gradient P − y.
    /// </summary>
    internal static class ProblemSet004
    {
        private const string File = "004_7dcf48a726fda0b0.txt";

        public static void Run(Report r)
        {
            Residual(r);
            Sizes(r);
            SoftmaxCrossEntropy(r);
        }

        private static void Residual(Report r)
        {
            r.Problem(File, "T1: residual block z = ReLU(w1·ReLU(w0·x0 + b0) + b1 + x0)");
            double x0 = 1.0, w0 = 0.3, b0 = 0.1, w1 = -0.2, b1 = -0.3;
            double[] parameters = { w0, b0, w1, b1 };   // layer 0: W, b; layer 2: W, b
            double[] input = { x0 };

            var block = new ResidualBlock();
            block.SetParameters(parameters);
            double[] x1 = Batch.Outputs(new ResidualFirstBranch().WithParameters(parameters.AsSpan(0, 2)), input);
            double[] y1 = Batch.Outputs(new ResidualBranch().WithParameters(parameters), input);
            double[] z = Batch.Outputs(block, input);
            block.ZeroGradients();
            block.BackwardFromOutputGradient(input, new[] { 1.0 });   // seed ∂z/∂z = 1: Gradients = ∂z/∂θ
            double[] grads = block.Gradients.ToArray();

            // Hand values as written in T1: x1 = 0.4, y1 = −0.38, z = 0.62; ∂z/∂w0 = −0.2, ∂z/∂w1 = 0.4,
            // ∂z/∂b0 = −0.2, ∂z/∂b1 = 1.
            r.Value("x1 = ReLU(x0·w0 + b0)", x1[0], Math.Max(0, x0 * w0 + b0), "0.4");
            r.Value("y1 = x1·w1 + b1", y1[0], 0.4 * w1 + b1, "-0.38");
            r.Value("z = ReLU(y1 + x0)", z[0], ResidualScalarCase.Outputs[0], "0.62", "PyTorch");
            r.Value("∂z/∂w0", grads[0], ResidualScalarCase.Grads[0], "-0.2", "PyTorch");
            r.Value("∂z/∂w1", grads[2], ResidualScalarCase.Grads[2], "0.4", "PyTorch");
            r.Value("∂z/∂b0", grads[1], ResidualScalarCase.Grads[1], "-0.2", "PyTorch");
            r.Value("∂z/∂b1", grads[3], ResidualScalarCase.Grads[3], "1", "PyTorch");
            r.Value("∂z/∂x0 (not asked)", block.InputGradient[0], ResidualScalarCase.GradInput[0], note: "PyTorch; 1 + w1·w0");
        }

        private static void Sizes(Report r)
        {
            const int batch = 32;
            r.Problem(File, "T2: output sizes of 30 → 1024 → 512 → 1 with batch 32");
            // Hand values as written in T2: A = 32·1024 = 32,768, B = 32·512 = 16,384, C = 32·1 = 32.
            r.Value("A = batch × layer 0 width", batch * WideNet.Layer0OutputSize, 32 * 1024, "32768");
            r.Value("B = batch × layer 2 width", batch * WideNet.Layer2OutputSize, 32 * 512, "16384");
            r.Value("C = batch × layer 4 width", batch * WideNet.OutputSize, 32 * 1, "32");

            r.Problem(File, "T3: learnable parameters of 30 → 1024 → 512 → 1");
            // Hand value as written in T3: (30 + 1)·1024 + (1024 + 1)·512 + (512 + 1)·1 = 557,057.
            r.Value("ParameterCount", WideNet.ParameterCount, (30 + 1) * 1024 + (1024 + 1) * 512 + (512 + 1) * 1, "557057");
            r.Note("WideNet is declared in single precision and never run: its sizes are compile-time constants "
                + "(ForwardFlops = " + WideNet.ForwardFlops.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " per sample). The batch size is not part of a generated network, which works one sample at a time.");
        }

        private static void SoftmaxCrossEntropy(Report r)
        {
            r.Problem(File, "proof: ∂L/∂hᵢ = P(y = i) − yᵢ for softmax + cross-entropy");
            // The proof is symbolic; it is checked on the three samples (logits and one-hot targets) of the oracle case
            // seed_softmax_ce_gradient, copied here.
            double[] logits = { 1, 2, 0.5, -1, 0, 0, 0, 0, 3, -2, 1, 0.5 };
            double[] targets = { 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0 };
            var onLogits = new SoftmaxCrossEntropyOnLogits4();
            var viaSoftmax = new SoftmaxThenCrossEntropy4();
            r.Value("L, mean of 3 samples", Batch.LossAndGradients(onLogits, logits, targets).Loss, SoftmaxCrossEntropyCase.Loss,
                note: "PyTorch");
            for (int s = 0; s < 3; s++)
            {
                ReadOnlySpan<double> h = logits.AsSpan(s * 4, 4);
                ReadOnlySpan<double> y = targets.AsSpan(s * 4, 4);
                double[] correct = SoftmaxMinusTarget(h, y);
                r.Values("sample " + (s + 1) + ", SoftmaxCE", Batch.SampleInputGradient(onLogits, h, y), correct, note: "P − y");
                r.Values("sample " + (s + 1) + ", Softmax+CE", Batch.SampleInputGradient(viaSoftmax, h, y), correct,
                    note: "P − y");
            }
            r.Values("∂L/∂h, L = mean", Batch.LossAndGradients(onLogits, logits, targets).InputGradients, SoftmaxCrossEntropyCase.GradInput,
                note: "PyTorch, (P − y)/N");
            r.Note("[SoftmaxCrossEntropy] uses P − y directly; [Softmax] followed by [CrossEntropy] chains the softmax "
                + "Jacobian with −y/P, which is the proof's computation. Both give P − y for each sample's own loss.");
        }

        private static double[] SoftmaxMinusTarget(ReadOnlySpan<double> h, ReadOnlySpan<double> y)
        {
            double max = double.NegativeInfinity, sum = 0;
            foreach (double v in h) max = Math.Max(max, v);
            foreach (double v in h) sum += Math.Exp(v - max);
            var result = new double[h.Length];
            for (int i = 0; i < h.Length; i++) result[i] = Math.Exp(h[i] - max) / sum - y[i];
            return result;
        }
    }
}
