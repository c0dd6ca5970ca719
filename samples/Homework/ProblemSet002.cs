using System;

namespace Homework
{
    /// <summary>
    /// 002_8b6d189fa26556c3.txt, Deep Learning Assignment 1 (2021): 2 inputs → 3 sigmoid units (k, h) → 2 softmax
    /// outputs (o, y), cross-entropy, one forward-backward pass (table 1) and gradient descent with learning rate 0.9.
    /// </summary>
    internal static class ProblemSet002
    {
        private const string File = "002_8b6d189fa26556c3.txt";

        public static void Run(Report r)
        {
            // The text gives neither the input nor the parameters of table 1. Every number in the table fits this
            // reconstruction: x = (1, 1), all first-layer weights 1 and biases 0 (so every hidden unit is σ(2) = 0.8808,
            // and dw2i = 0.5·0.8808 = 0.440), both output units with the same weights (all 1, biases 0, so the softmax
            // is (0.5, 0.5)), and the target class the second one (so doi = p − y = (0.5, −0.5)).
            double[] x = { 1, 1 };
            double[] target = { 0, 1 };
            double[] parameters =
            {
                1, 1, 1, 1, 1, 1,   // W1 [3×2] ([out][in]; the text's w1 is [in][out])
                0, 0, 0,            // b1
                1, 1, 1, 1, 1, 1,   // W2 [2×3]
                0, 0,               // b2
            };

            // The maths of the reconstruction.
            double h = 1 / (1 + Math.Exp(-2.0));
            double[] p = { 0.5, 0.5 };
            double[] dp = { 0, -1 / p[1] };            // ∂(−ln p₂)/∂p: only the target's probability appears in the loss
            double[] dOut = { p[0] - target[0], p[1] - target[1] };
            double[] dW2 = { dOut[0] * h, dOut[0] * h, dOut[0] * h, dOut[1] * h, dOut[1] * h, dOut[1] * h };
            double[] zeros3 = new double[3], zeros6 = new double[6];

            var net = new SoftmaxClassifier();
            net.SetParameters(parameters);
            double[] output = Batch.Outputs(net, x);
            var (loss, _, grads) = Batch.LossAndGradients(net, x, target);

            r.Problem(File, "question 3, table 1: one forward and backward pass (a reconstruction)");
            double[] hidden = Batch.Outputs(new SoftmaxClassifierHidden().WithParameters(parameters.AsSpan(0, 9)), x);
            r.Values("hidden h = σ(k)", hidden, new[] { h, h, h });
            r.Values("softmax p", output, p);
            r.Value("loss −ln p₂", loss, Math.Log(2));

            // Table 1, as written: dyi = [−2.0, −2.0] (the gradient w.r.t. the softmax output).
            double[] dyi = Batch.SampleInputGradient(new CrossEntropyOnProbabilities2(), output, target);
            r.Value("dyi₁ = ∂l/∂p₁", dyi[0], dp[0], "-2.0", "p₁ not in l");
            r.Value("dyi₂ = ∂l/∂p₂", dyi[1], dp[1], "-2.0", "−1/p₂");

            // Table 1: doi = [0.5, −0.5] and db2i = [0.5, −0.5] (the gradient w.r.t. the logits o, and b2).
            double[] logits = Batch.Outputs(new SoftmaxClassifierLogits().WithParameters(parameters), x);
            double[] doi = Batch.SampleInputGradient(new SoftmaxCrossEntropyFromLogits2(), logits, target);
            r.Values("doi = ∂l/∂o", doi, dOut, new[] { "0.5", "-0.5" }, "p − y");
            r.Values("db2i", grads.AsSpan(15, 2), dOut, new[] { "0.5", "-0.5" }, "p − y");

            // Table 1: dw2i = [[0.440, −0.440], [0.440, −0.440], [0.440, −0.440]], [hidden][output]; the generated
            // gradient is [output][hidden].
            string[] dw2Hand = { "0.440", "0.440", "0.440", "-0.440", "-0.440", "-0.440" };
            r.Values("dw2i", grads.AsSpan(9, 6), dW2, dw2Hand, "(p − y)·hᵀ");

            // Table 1: dhi = dki = db1i = [0, 0, 0] and dw1i = [[0, 0, 0], [0, 0, 0]].
            string[] zero3 = { "0", "0", "0" }, zero6 = { "0", "0", "0", "0", "0", "0" };
            var fromHidden = new SoftmaxClassifierFromHidden().WithParameters(parameters.AsSpan(9, 8));
            r.Values("dhi = ∂l/∂h", Batch.SampleInputGradient(fromHidden, hidden, target), zeros3, zero3, "W2ᵀ(p − y)");
            double[] preActivation = Batch.Outputs(new SoftmaxClassifierPreActivation().WithParameters(parameters.AsSpan(0, 9)), x);
            var fromPreActivation = new SoftmaxClassifierFromPreActivation().WithParameters(parameters.AsSpan(9, 8));
            r.Values("dki = ∂l/∂k", Batch.SampleInputGradient(fromPreActivation, preActivation, target), zeros3, zero3);
            r.Values("db1i", grads.AsSpan(6, 3), zeros3, zero3);
            r.Values("dw1i", grads.AsSpan(0, 6), zeros6, zero6);
            r.Note("dyi is wrong in its first entry: the loss −ln p_c contains only the target's probability, so "
                + "∂l/∂p = (0, −1/p₂) = (0, −2); −1/p belongs only to the target class. The rest of the table is "
                + "consistent (doi = p − y needs dyi = (0, −2)). The hidden-layer gradients are 0 only because both "
                + "output units have the same weights, so W2ᵀ(p − y) = 0; the agreement of dw2i is by construction of "
                + "the reconstruction, whose parameters were chosen to fit the table.");

            r.Problem(File, "question 3, gradient descent with learning rate 0.9 (one step)");
            net.ZeroGradients();
            net.Backward(x, target);
            net.Step();
            var after = new double[17];
            for (int i = 0; i < after.Length; i++) after[i] = parameters[i] - 0.9 * (i >= 15 ? dOut[i - 15] : i >= 9 ? dW2[i - 9] : 0);
            r.Values("W1 after the step", net.Parameters.Slice(0, 6), after.AsSpan(0, 6), note: "θ − 0.9·g; unchanged");
            r.Values("b1 after the step", net.Parameters.Slice(6, 3), after.AsSpan(6, 3), note: "unchanged");
            r.Values("W2 after the step", net.Parameters.Slice(9, 6), after.AsSpan(9, 6), note: "θ − 0.9·g");
            r.Values("b2 after the step", net.Parameters.Slice(15, 2), after.AsSpan(15, 2), note: "θ − 0.9·g");
            r.Note("The text's gradient_descent (figure 4) reuses i in nested loops, iterates over the wrong lengths and "
                + "reads grads[\"db1i\"][i][j] from a vector; the update it means, θ ← θ − 0.9·∂l/∂θ, is checked here. "
                + "Questions 4-7 (the loss curve and the batched version) have no numbers to reproduce.");
        }
    }
}
