using System;
using Backprop.Generated;

namespace Homework
{
    /// <summary>
    /// 001_f08ec83e6040aa25.txt, Deep Learning Homework 1 (2021): the training loop, a 2-layer ReLU regression net and a
    /// sigmoid classification net, worked symbolically. The text has no numbers, so its nets are run on the data and
    /// parameters of the oracle cases seed_mlp_regression and seed_mlp_classification (5 inputs, 7 hidden units, 3
    /// outputs, a batch of 4), and its formulas are evaluated on them.
    /// </summary>
    internal static class ProblemSet001
    {
        private const string File = "001_f08ec83e6040aa25.txt";

        public static void Run(Report r)
        {
            var regression = new RegressionNet();
            TrainingLoop(r, "problem 1 (1.2)(a): the training loop (SGD, η = 0.1, full batch)",
                regression, (x, y) => regression.TrainBatch(x, y),
                MlpRegressionCase.Parameters, MlpRegressionCase.X, MlpRegressionCase.Y, MlpRegressionCase.LearningRate,
                MlpRegressionCase.LossPerStep, MlpRegressionCase.FinalLoss, MlpRegressionCase.ParametersAfter);

            r.Problem(File, "problem 1 (1.2)(b)-(c): regression net Linear→ReLU→Linear, MSE");
            NetAndGradients(r, regression, MlpRegressionCase.Parameters, MlpRegressionCase.X, MlpRegressionCase.Y,
                MlpRegressionCase.Outputs, MlpRegressionCase.Loss, MlpRegressionCase.GradInput, MlpRegressionCase.Grads);
            r.Note("The text's loss is ‖ŷ − y‖² per sample; PyTorch's mse_loss and [MeanSquaredError] divide the total by "
                + "N·K = 12, and their gradients by the same factor. Hidden units 3 and 5 are never positive, so their "
                + "rows of ∂L/∂W1 and ∂L/∂b1 are 0 (the ReLU derivative).");

            r.Problem(File, "problem 1 (1.2)(d): ∂ℓ/∂ŷᵢ = 2(ŷᵢ − yᵢ) and the ReLU derivative");
            // (d)(3): ∂ℓ/∂ŷᵢ = 2(ŷᵢ − yᵢ) for ℓ = ‖ŷ − y‖², evaluated on sample 1's output.
            double[] yHat = Batch.Outputs(regression, MlpRegressionCase.X.AsSpan(0, 5));
            double[] g = Batch.SampleInputGradient(new SumSquaredErrorOnValues3(), yHat, MlpRegressionCase.Y.AsSpan(0, 3));
            for (int i = 0; i < 3; i++)
            {
                r.Value("sample 1: ∂ℓ/∂ŷ" + (i + 1), g[i], 2 * (yHat[i] - MlpRegressionCase.Y[i]), note: "text's 2(ŷᵢ − yᵢ)");
            }
            // (d)(1): ∂z2ᵢ/∂z1ⱼ = 1 if i = j and z1ⱼ ≥ 0, as written: so 1 at exactly z = 0.
            double[] reluJacobian = new double[9];
            new ReluLayer().InputJacobian(new double[] { -1, 0, 2 }, reluJacobian);
            r.Value("ReLU′(−1)", reluJacobian[0], 0, "0");
            r.Value("ReLU′(0)", reluJacobian[4], 0, "1", handConvention: true);
            r.Value("ReLU′(2)", reluJacobian[8], 1, "1");
            r.Note("ReLU has no derivative at 0. The text's z ≥ 0 takes 1 there; PyTorch takes 0, and so does the "
                + "generator. Any value in [0, 1] is a valid subgradient, so this is a convention, not an error, but it "
                + "changes the numbers whenever a pre-activation is exactly 0.");

            var classification = new ClassificationNet();
            r.Problem(File, "problem 2 (1.3)(a): classification net Linear→σ→Linear→σ, log-loss");
            NetAndGradients(r, classification, MlpClassificationCase.Parameters, MlpClassificationCase.X, MlpClassificationCase.Y,
                MlpClassificationCase.Outputs, MlpClassificationCase.Loss, MlpClassificationCase.GradInput, MlpClassificationCase.Grads);

            r.Problem(File, "problem 2 (1.3)(b): ∂ℓ/∂ŷᵢ = −(1/k)(yᵢ/ŷᵢ − (1 − yᵢ)/(1 − ŷᵢ))");
            // (b): the log-loss averaged over the k = 3 outputs of one sample, evaluated on sample 2 (targets 0, 0, 1).
            double[] p = Batch.Outputs(classification, MlpClassificationCase.X.AsSpan(5, 5));
            ReadOnlySpan<double> t = MlpClassificationCase.Y.AsSpan(3, 3);
            double[] gp = Batch.SampleInputGradient(new LogLossOnValues3(), p, t);
            for (int i = 0; i < 3; i++)
            {
                double correct = -(1.0 / 3) * (t[i] / p[i] - (1 - t[i]) / (1 - p[i]));
                r.Value("sample 2: ∂ℓ/∂ŷ" + (i + 1), gp[i], correct, note: "text's formula");
            }

            TrainingLoop(r, "problem 2 (1.3): the same training loop (SGD, η = 0.5, full batch)",
                classification, (x, y) => classification.TrainBatch(x, y),
                MlpClassificationCase.Parameters, MlpClassificationCase.X, MlpClassificationCase.Y, MlpClassificationCase.LearningRate,
                MlpClassificationCase.LossPerStep, MlpClassificationCase.FinalLoss, MlpClassificationCase.ParametersAfter);
        }

        /// <summary>Forward outputs, the batch loss and every gradient, against PyTorch.</summary>
        private static void NetAndGradients<TNet>(Report r, TNet net, double[] parameters, double[] x, double[] y,
            double[] outputs, double loss, double[] gradInput, double[] grads)
            where TNet : ILossNetwork<double>
        {
            net.SetParameters(parameters);
            r.Values("outputs ŷ", Batch.Outputs(net, x), outputs, note: "PyTorch");
            var (generatedLoss, inputGradients, parameterGradients) = Batch.LossAndGradients(net, x, y);
            r.Value("loss L", generatedLoss, loss, note: "PyTorch");
            // Layout of both nets: W1 [7×5] at 0, b1 [7] at 35, W2 [3×7] at 42, b2 [3] at 63.
            r.Values("∂L/∂W1", parameterGradients.AsSpan(0, 35), grads.AsSpan(0, 35), note: "PyTorch");
            r.Values("∂L/∂b1", parameterGradients.AsSpan(35, 7), grads.AsSpan(35, 7), note: "PyTorch");
            r.Values("∂L/∂W2", parameterGradients.AsSpan(42, 21), grads.AsSpan(42, 21), note: "PyTorch");
            r.Values("∂L/∂b2", parameterGradients.AsSpan(63, 3), grads.AsSpan(63, 3), note: "PyTorch");
            r.Values("∂L/∂X", inputGradients, gradInput, note: "PyTorch");
        }

        /// <summary>
        /// The loop of (1.2)(a): forward, loss, zeroed gradients, backward, SGD step, repeated on the full batch (the
        /// generated TrainBatch does one round), against PyTorch's run.
        /// </summary>
        private static void TrainingLoop<TNet>(Report r, string problem, TNet net, Func<double[], double[], double> trainBatch,
            double[] parameters, double[] x, double[] y, double learningRate, double[] lossPerStep, double finalLoss,
            double[] parametersAfter)
            where TNet : ILossNetwork<double>, ITrainableNetwork<double>
        {
            r.Problem(File, problem);
            net.SetParameters(parameters);
            net.ZeroGradients();
            if (net.LearningRate != learningRate) throw new InvalidOperationException("The declared learning rate is not the oracle's.");
            var losses = new double[lossPerStep.Length];
            for (int step = 0; step < losses.Length; step++) losses[step] = trainBatch(x, y);   // the batch loss before the step
            r.Value("loss before step 1", losses[0], lossPerStep[0], note: "PyTorch");
            r.Value("loss before step " + losses.Length, losses[^1], lossPerStep[^1], note: "PyTorch");
            r.Values("each step's loss", losses, lossPerStep, note: "PyTorch");
            r.Value("loss after the last step", Batch.LossAndGradients(net, x, y).Loss, finalLoss, note: "PyTorch");
            r.Values("parameters after", net.Parameters, parametersAfter, note: "PyTorch");
        }
    }
}
