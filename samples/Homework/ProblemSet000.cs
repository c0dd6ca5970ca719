using System;
using System.Collections.Generic;
using Backprop.Generated;

namespace Homework
{
    /// <summary>
    /// 000_9d6722844c2d3b14.txt, CS 615 Assignment 2 (Winter 2024): Jacobians of activation and dense layers at
    /// H = [[1,2,3],[4,5,6]], and the values and gradients of squared-error, log-loss and cross-entropy objectives.
    /// </summary>
    internal static class ProblemSet000
    {
        private const string File = "000_9d6722844c2d3b14.txt";

        // The input of problems 1 and 2: two observations (rows) of three features.
        private static readonly double[] H = { 1, 2, 3, 4, 5, 6 };

        public static void Run(Report r)
        {
            // Problem 1(a): the hand-worked ReLU Jacobian is the identity for both observations.
            DiagonalJacobian(r, "problem 1(a): ReLU layer, Jacobian at H", new ReluLayer(),
                JacobianReluCase.Outputs, JacobianReluCase.InputJacobian, new[] { "1", "1", "1", "1", "1", "1" });

            Softmax(r);

            // Problem 1(c), as written: diag(0.1966, 0.1050, 0.0452) and diag(0.0177, 0.0066, 0.0025).
            DiagonalJacobian(r, "problem 1(c): logistic sigmoid layer, Jacobian at H", new SigmoidLayer(),
                JacobianSigmoidCase.Outputs, JacobianSigmoidCase.InputJacobian,
                new[] { "0.1966", "0.1050", "0.0452", "0.0177", "0.0066", "0.0025" });

            // Problem 1(d), as written: diag(0.18157, 0.03468, 0.00492) and diag(0.000670, 0.000091, 0.000012).
            DiagonalJacobian(r, "problem 1(d): tanh layer, Jacobian at H", new TanhLayer(),
                JacobianTanhCase.Outputs, JacobianTanhCase.InputJacobian,
                new[] { "0.18157", "0.03468", "0.00492", "0.000670", "0.000091", "0.000012" });
            r.Note("The hand-worked tanh derivatives are all wrong. The derivative is 1 − tanh²(h): 1 − tanh²(1) = "
                + "0.41997, 1 − tanh²(2) = 0.07065, 1 − tanh²(3) = 0.00987, and 0.0013410, 0.0001816, 0.0000246 for the "
                + "second observation (PyTorch agrees).");

            // Problem 1(e): the "linear layer" is the identity activation; its Jacobian is the identity.
            DiagonalJacobian(r, "problem 1(e): linear (identity) layer, Jacobian at H", new IdentityLayer(),
                JacobianIdentityCase.Outputs, JacobianIdentityCase.InputJacobian, new[] { "1", "1", "1", "1", "1", "1" });

            Dense(r);
            Losses(r);

            r.Skipped(File, "section 3: forward-backward pass, Input→FC→Sigmoid→LogLoss, on Kid Creative",
                "Not reproduced: the Kid Creative dataset and the HW1 weights are not available, so the mean "
                + "gradients written there (−1.2569, −0.3142 and a 16-element vector) cannot be checked. The same "
                + "architecture's gradients are checked on other data under 001, problem 2.");
        }

        /// <summary>
        /// A layer acting element by element: its Jacobian is diagonal. Prints the outputs, each diagonal entry
        /// (with the hand value of <paramref name="handDiagonal"/>, both observations) and the off-diagonal entries.
        /// </summary>
        private static void DiagonalJacobian(Report r, string problem, INetwork<double> net, double[] correctOutputs,
            double[] correctJacobian, string[] handDiagonal)
        {
            r.Problem(File, problem);
            r.Values("outputs", Batch.Outputs(net, H), correctOutputs, note: "PyTorch");
            double[] jacobian = Batch.Jacobians(net, H);
            var offGenerated = new List<double>();
            var offCorrect = new List<double>();
            for (int s = 0; s < 2; s++)
            {
                for (int k = 0; k < 3; k++)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        int at = s * 9 + k * 3 + i;
                        if (k == i)
                        {
                            r.Value("obs " + (s + 1) + ": ∂y" + (k + 1) + "/∂h" + (i + 1), jacobian[at], correctJacobian[at], handDiagonal[s * 3 + k]);
                        }
                        else
                        {
                            offGenerated.Add(jacobian[at]);
                            offCorrect.Add(correctJacobian[at]);
                        }
                    }
                }
            }
            string[] zeros = new string[offCorrect.Count];
            Array.Fill(zeros, "0");
            r.Values("off-diagonal ∂yₖ/∂hᵢ", offGenerated.ToArray(), offCorrect.ToArray(), zeros);
        }

        private static void Softmax(Report r)
        {
            r.Problem(File, "problem 1(b): softmax layer, Jacobian at H");
            var net = new SoftmaxLayer();
            r.Values("outputs", Batch.Outputs(net, H), JacobianSoftmaxCase.Outputs, note: "PyTorch");
            double[] jacobian = Batch.Jacobians(net, H);
            // Problem 1(b), as written, the same matrix for both observations (row k = output, column i = input).
            string[] hand =
            {
                "0.0819", "-0.0599", "-0.4425",
                "-0.0081", "0.1848", "-0.4425",
                "-0.0081", "-0.0599", "0.2227",
            };
            for (int k = 0; k < 3; k++)
            {
                for (int i = 0; i < 3; i++)
                {
                    int at = k * 3 + i;
                    r.Value("obs 1: ∂s" + (k + 1) + "/∂h" + (i + 1), jacobian[at], JacobianSoftmaxCase.InputJacobian[at], hand[at],
                        k == i ? null : "it is −s" + (i + 1) + "²");
                }
            }
            r.Values("obs 2: ∂s/∂h", jacobian.AsSpan(9, 9), JacobianSoftmaxCase.InputJacobian.AsSpan(9, 9), hand);
            r.Note("The hand-worked off-diagonal entries are wrong: ∂sₖ/∂hᵢ is written as −sᵢ², but ∂sₖ/∂hᵢ = "
                + "sₖ(δₖᵢ − sᵢ), so an off-diagonal entry is −sₖ·sᵢ and the matrix is symmetric. The diagonal sₖ(1 − sₖ) is right. Both observations give the same matrix because "
                + "softmax ignores adding 3 to every input.");
        }

        private static void Dense(Report r)
        {
            r.Problem(File, "problem 2: fully connected layer, gradient of the output w.r.t. H");
            // The homework writes y = h·W + b with W = [[1,2],[3,4],[5,6]] as [in][out]; the generated layer stores W as
            // [out][in] (as torch.nn.Linear), so its weights are the transpose [[1,3,5],[2,4,6]]. b = [−1, 2].
            var net = new DenseLayer();
            net.SetParameters(new double[] { 1, 3, 5, 2, 4, 6, -1, 2 });
            r.Values("outputs y = hW + b", Batch.Outputs(net, H), JacobianDenseCase.Outputs, note: "PyTorch");
            double[] jacobian = Batch.Jacobians(net, H);
            // Problem 2, as written: [[1,3,5],[2,4,6]] for each observation (row k = output, column i = input).
            string[] hand = { "1", "3", "5", "2", "4", "6" };
            for (int k = 0; k < 2; k++)
            {
                for (int i = 0; i < 3; i++)
                {
                    int at = k * 3 + i;
                    r.Value("obs 1: ∂y" + (k + 1) + "/∂h" + (i + 1), jacobian[at], JacobianDenseCase.InputJacobian[at], hand[at]);
                }
            }
            r.Values("obs 2: ∂y/∂h", jacobian.AsSpan(6, 6), JacobianDenseCase.InputJacobian.AsSpan(6, 6), hand);
            // Not asked: one backward pass seeded with ones gives the gradient of y1 + y2, as PyTorch's y.sum().backward().
            var inputGradients = new double[6];
            net.ZeroGradients();
            for (int s = 0; s < 2; s++)
            {
                net.BackwardFromOutputGradient(H.AsSpan(s * 3, 3), new[] { 1.0, 1.0 });
                net.InputGradient.CopyTo(inputGradients.AsSpan(s * 3, 3));
            }
            r.Values("∂(y1 + y2)/∂h", inputGradients, JacobianDenseCase.GradInput, note: "PyTorch; column sums");
            r.Values("∂(Σ y)/∂(W, b)", net.Gradients, JacobianDenseCase.Grads, note: "PyTorch; both obs");
            r.Note("The Jacobian of a dense layer is its weight matrix in [out][in] layout, Wᵀ in the homework's notation, "
                + "whatever the input. The last two rows (not asked) run backward from the output gradient (1, 1).");
        }

        private static void Losses(Report r)
        {
            double[] yHat = { 0.2, 0.3 };
            double[] y = { 0, 1 };
            double[] pHat = { 0.2, 0.2, 0.6, 0.2, 0.7, 0.1 };
            double[] yOneHot = { 1, 0, 0, 0, 1, 0 };
            var squaredError = new SquaredErrorOnValues();
            var logLoss = new LogLossOnValues();
            var crossEntropy = new CrossEntropyOnProbabilities3();

            r.Problem(File, "problem 3: squared-error and log-loss of Ŷ = [0.2, 0.3] against Y = [0, 1]");
            // Problem 3(a) J = 0.265 and 3(b) J = 0.7136, as written (rounded).
            r.Value("(a) J = mean (Y − Ŷ)²", Batch.LossAndGradients(squaredError, yHat, y).Loss, MseLossCase.Loss, "0.265", "PyTorch");
            r.Value("(b) J = mean log-loss", Batch.LossAndGradients(logLoss, yHat, y).Loss, BceLossCase.Loss, "0.7136", "PyTorch");

            r.Problem(File, "problem 4: cross-entropy of Ŷ = [[.2,.2,.6],[.2,.7,.1]] against one-hot Y");
            // Problem 4: J = 0.6554, as written (rounded).
            r.Value("J = mean −Σ y ln ŷ", Batch.LossAndGradients(crossEntropy, pHat, yOneHot).Loss, CrossEntropyLossCase.Loss, "0.6554", "PyTorch");
            r.Note("The hand-worked 0.6554 is wrong: it is the total −ln 0.2 − ln 0.7 = 1.9661 divided by 3, the number of "
                + "classes. The mean over the 2 observations is 0.9831. (The written formula also lacks the minus sign.)");

            r.Problem(File, "problem 5: gradients w.r.t. Ŷ of squared-error and log-loss");
            for (int s = 0; s < 2; s++)
            {
                // Problem 5(a): −2(Y − Ŷ) = [0.4, −1.4], as written: the derivative of each observation's own (y − ŷ)².
                double g = Batch.SampleInputGradient(squaredError, yHat.AsSpan(s, 1), y.AsSpan(s, 1))[0];
                r.Value("(a) obs " + (s + 1) + ": ∂(y − ŷ)²/∂ŷ", g, 2 * (yHat[s] - y[s]), s == 0 ? "0.4" : "-1.4");
            }
            r.Values("(a) ∂J/∂Ŷ, J = mean", Batch.LossAndGradients(squaredError, yHat, y).InputGradients, MseLossCase.GradInput, note: "PyTorch");
            for (int s = 0; s < 2; s++)
            {
                // Problem 5(b): (Y − Ŷ)/(Ŷ(1 − Ŷ)) = [−1.25, 3.33], as written.
                double g = Batch.SampleInputGradient(logLoss, yHat.AsSpan(s, 1), y.AsSpan(s, 1))[0];
                double correct = (yHat[s] - y[s]) / (yHat[s] * (1 - yHat[s]));
                r.Value("(b) obs " + (s + 1) + ": ∂log-loss/∂ŷ", g, correct, s == 0 ? "-1.25" : "3.33", "sign");
            }
            r.Values("(b) ∂J/∂Ŷ, J = mean", Batch.LossAndGradients(logLoss, yHat, y).InputGradients, BceLossCase.GradInput, note: "PyTorch");
            r.Note("The hand-worked log-loss gradient has the wrong sign: (Y − Ŷ)/(Ŷ(1 − Ŷ)) is the gradient of the "
                + "log-likelihood; the loss is its negative, so ∂/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)) = [1.25, −3.3333]. The "
                + "hand-worked gradients are per observation; the gradient of the mean J divides them by N = 2, as "
                + "PyTorch does (0.2, −0.7 and 0.625, −1.6667).");

            r.Problem(File, "problem 6: gradient of the cross-entropy w.r.t. Ŷ");
            // Problem 6: −Y/Ŷ = [[−5, 0, 0], [0, −1.429, 0]], as written.
            string[][] hand = { new[] { "-5", "0", "0" }, new[] { "0", "-1.429", "0" } };
            for (int s = 0; s < 2; s++)
            {
                double[] g = Batch.SampleInputGradient(crossEntropy, pHat.AsSpan(s * 3, 3), yOneHot.AsSpan(s * 3, 3));
                var correct = new double[3];
                for (int k = 0; k < 3; k++) correct[k] = -yOneHot[s * 3 + k] / pHat[s * 3 + k];
                r.Values("obs " + (s + 1) + ": ∂CE/∂ŷ", g, correct, hand[s], "−y/ŷ");
            }
            r.Values("∂J/∂Ŷ, J = mean", Batch.LossAndGradients(crossEntropy, pHat, yOneHot).InputGradients, CrossEntropyLossCase.GradInput,
                note: "PyTorch, −y/(N·ŷ)");
        }
    }
}
