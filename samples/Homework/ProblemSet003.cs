using System;

namespace Homework
{
    /// <summary>
    /// 003_7e932d2b4f8f8edc.txt, Deep Learning (CS 637) Homework 1 (2024): the gradient of a polynomial model, and a
    /// partially connected 4-2-1 sigmoid network worked forward and backward by hand.
    /// </summary>
    internal static class ProblemSet003
    {
        private const string File = "003_7e932d2b4f8f8edc.txt";

        public static void Run(Report r)
        {
            Polynomial(r);
            SparseNetwork(r);
        }

        private static void Polynomial(Report r)
        {
            r.Problem(File, "problem 1: ∇w y for y = w0 + w1·x1 + w2·x2 + w3·x1², and the update rule");
            // The text is symbolic: ∇w y = ⟨1, x1, x2, x1²⟩ and w' = ⟨w0 − η, w1 − η·x1, w2 − η·x2, w3 − η·x1²⟩. It is
            // evaluated here at x1 = 2, x2 = −3, w = (0.5, −1, 0.25, 2) and η = 0.1 (PolynomialModel's learning rate).
            double x1 = 2, x2 = -3, eta = 0.1;
            double[] w = { 0.5, -1, 0.25, 2 };
            var model = new PolynomialModel();
            model.SetParameters(new[] { w[1], w[2], w[3], w[0] });   // W = (w1, w2, w3), then b = w0
            double[] features = { x1, x2, x1 * x1 };
            double[] y = Batch.Outputs(model, features);
            r.Value("y", y[0], w[0] + w[1] * x1 + w[2] * x2 + w[3] * x1 * x1);
            model.ZeroGradients();
            model.BackwardFromOutputGradient(features, new[] { 1.0 });   // seed ∂y/∂y = 1: Gradients = ∇θ y
            double[] gradient = { model.Gradients[3], model.Gradients[0], model.Gradients[1], model.Gradients[2] };
            double[] correct = { 1, x1, x2, x1 * x1 };
            for (int i = 0; i < 4; i++) r.Value("∂y/∂w" + i, gradient[i], correct[i], note: i == 0 ? "⟨1, x1, x2, x1²⟩" : null);
            model.Step();
            double[] after = { model.Parameters[3], model.Parameters[0], model.Parameters[1], model.Parameters[2] };
            for (int i = 0; i < 4; i++) r.Value("w" + i + "' = w" + i + " − η·∂y/∂w" + i, after[i], w[i] - eta * correct[i]);
            r.Note("The text names the weights ⟨w1, w2, w3, w4⟩ in the gradient but w0…w3 in the model; the components "
                + "are the same. Stepping on ∇w y itself (not on a loss) is what equation (2) writes.");
        }

        private static void SparseNetwork(Report r)
        {
            // The network of problem 2: h1 = σ(x1·w1 + x2·w2), h2 = σ(x3·w3 + x4·w4), ŷ = σ(h1·w5 + h2·w6), Div = (ŷ − y)².
            double[] x = { -0.7, 1.2, 1.1, -2 };
            double[] target = { 0.5 };
            double[] w = { -1.7, 0.1, -0.6, -1.8, -0.2, 0.5 };   // w1…w6
            // Generated layout: W0 [2×4] with the absent connections stored as 0, then W2 [1×2].
            double[] parameters = { w[0], w[1], 0, 0, 0, 0, w[2], w[3], w[4], w[5] };

            // The maths, step by step as in the text.
            static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
            double s1 = x[0] * w[0] + x[1] * w[1], s2 = x[2] * w[2] + x[3] * w[3];
            double h1 = Sigmoid(s1), h2 = Sigmoid(s2);
            double s3 = h1 * w[4] + h2 * w[5];
            double yHat = Sigmoid(s3);
            double dYHat = 2 * (yHat - target[0]);
            double dS3 = dYHat * yHat * (1 - yHat);
            double dH1 = dS3 * w[4];
            double dS1 = dH1 * h1 * (1 - h1);

            var net = new SparseSigmoidNet();
            net.SetParameters(parameters);
            var (loss, _, grads) = Batch.LossAndGradients(net, x, target);

            r.Problem(File, "problem 2: forward pass of the 4-2-1 sigmoid net (eqs. 8-11)");
            // Hand values as written in equations (8)-(11).
            double[] s = Batch.Outputs(new SparseFirstLayer().WithParameters(parameters.AsSpan(0, 8)), x);
            double[] h = Batch.Outputs(new SparseHidden().WithParameters(parameters.AsSpan(0, 8)), x);
            double generatedS3 = Batch.Outputs(new SparseOutputPreActivation().WithParameters(parameters), x)[0];
            double generatedYHat = Batch.Outputs(net, x)[0];
            r.Value("s1 = x1·w1 + x2·w2", s[0], s1, "1.31");
            r.Value("h1 = σ(s1)", h[0], h1, "0.78751");
            r.Value("s2 = x3·w3 + x4·w4", s[1], s2, "2.94");
            r.Value("h2 = σ(s2)", h[1], h2, "0.9498");
            r.Value("s3 = h1·w5 + h2·w6", generatedS3, s3, "0.317");
            r.Value("ŷ = σ(s3)", generatedYHat, SparseSigmoidCase.Outputs[0], "0.57869", "PyTorch");
            r.Value("Div = (y − ŷ)²", loss, SparseSigmoidCase.Loss, "0.006192", "PyTorch");

            r.Problem(File, "problem 2: backward pass (eqs. 12-16)");
            // Hand values as written in equations (12)-(16). Each intermediate gradient is the input gradient of the
            // rest of the network from that tensor on.
            double generatedDYHat = Batch.SampleInputGradient(new SquaredErrorOnOutput(), new[] { generatedYHat }, target)[0];
            double generatedDS3 = Batch.SampleInputGradient(new SparseFromOutputPreActivation(), new[] { generatedS3 }, target)[0];
            var fromHidden = new SparseFromHidden().WithParameters(parameters.AsSpan(8, 2));
            double generatedDH1 = Batch.SampleInputGradient(fromHidden, h, target)[0];
            var fromFirstLayer = new SparseFromFirstLayer().WithParameters(parameters.AsSpan(8, 2));
            double generatedDS1 = Batch.SampleInputGradient(fromFirstLayer, s, target)[0];
            r.Value("∇ŷ Div = 2(ŷ − y)", generatedDYHat, dYHat, "0.15738");
            r.Value("∇s3 Div", generatedDS3, dS3, "0.03837");
            r.Value("∇h1 Div", generatedDH1, dH1, "-0.007674");
            r.Value("∇s1 Div", generatedDS1, dS1, "-0.001284");
            r.Value("∂Div/∂w1", grads[0], SparseSigmoidCase.Grads[0], "0.0008989", "PyTorch");
            r.Note("Equation (12) writes ∇ŷ Div = 2|ŷ − y|; the derivative of (ŷ − y)² is 2(ŷ − y), without the absolute "
                + "value. The number is right only because ŷ > y here.");

            r.Problem(File, "problem 3: ∂Div/∂w for every weight");
            string[] names = { "w1", "w2", "w3", "w4", "w5", "w6" };
            int[] at = { 0, 1, 6, 7, 8, 9 };   // where w1…w6 sit in the generated layout
            for (int i = 0; i < 6; i++) r.Value("∂Div/∂" + names[i], grads[at[i]], SparseSigmoidCase.Grads[at[i]], note: "PyTorch");
            r.Values("∂Div/∂(masked w)", Batch.Pick(grads, 2, 3, 4, 5), Batch.Pick(SparseSigmoidCase.Grads, 2, 3, 4, 5),
                note: "masked: always 0");
            r.Note("The text reports only ∂Div/∂w1 (its code is on GitHub); the other five are PyTorch's.");
        }
    }
}
