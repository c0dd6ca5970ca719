namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes ComputeLoss: the loss of one sample from the output tensor and the target, and (when asked) the gradient
    /// ∂l/∂ŷ into the output's delta, or, for a fused softmax/sigmoid, ∂l/∂z into the delta below it.
    /// Reductions follow PyTorch: the batch loss is the mean of these per-sample values (a sum for SumSquaredError).
    /// </summary>
    internal static class LossEmitter
    {
        public static void Emit(SourceWriter w, EmitContext c)
        {
            NetworkPlan plan = c.Plan;
            TensorPlan y = plan.OutputTensor;
            int k = y.Width;
            string K = EmitContext.Int(k);
            LayerPlan? fused = plan.FusedLayer;
            TensorPlan gradientTarget = fused is null ? y : c.Tensor(fused.Input);
            string op = fused is null || fused.AssignsInputGradient ? " = " : " += ";
            string dz = gradientTarget.DeltaLocal;

            w.Line("/// <summary>The loss of the sample at <paramref name=\"at\"/> in the values buffer; with <paramref name=\"withGradient\"/>, also its gradient.</summary>");
            c.Optimized(w);
            w.Open("private " + c.T + " ComputeLoss(" + EmitContext.ReadOnlySpan + "<" + c.T + "> target, bool withGradient, int at)");
            w.Line(c.ValuesLocal(y, true));
            w.Line(c.DeltasLocal(gradientTarget, false));
            string zero = c.Lit(0), one = c.Lit(1);
            switch (c.Spec.Loss)
            {
                case LossKind.MeanSquaredError:
                case LossKind.SumSquaredError:
                {
                    bool mean = c.Spec.Loss == LossKind.MeanSquaredError;
                    w.Line(mean && k > 1
                        ? "// l = mean over the " + K + " outputs of (ŷₖ − tₖ)²;  ∂l/∂ŷₖ = 2(ŷₖ − tₖ)/" + K
                        : "// l = Σₖ (ŷₖ − tₖ)²;  ∂l/∂ŷₖ = 2(ŷₖ − tₖ)");
                    w.Line(c.T + " sum = " + zero + ";");
                    w.Open("for (int k = 0; k < " + K + "; k++)");
                    w.Line(c.T + " e = " + y.Local + "[k] - target[k];");
                    w.Line("sum += e * e;");
                    double factor = mean ? 2.0 / k : 2.0;
                    w.Line("if (withGradient) " + dz + "[k]" + op + (factor == 1.0 ? "e" : c.Lit(factor) + " * e") + ";");
                    w.Close();
                    w.Line(mean && k > 1 ? "return sum / " + c.Lit(k) + ";" : "return sum;");
                    break;
                }
                case LossKind.BinaryCrossEntropy:
                    w.Line("// l = " + (k > 1 ? "mean over the " + K + " outputs of " : "") + "−(tₖ·log pₖ + (1 − tₖ)·log(1 − pₖ)), each log clamped at −100 as PyTorch");
                    w.Line(fused is null
                        ? "// ∂l/∂pₖ = (pₖ − tₖ) / max(pₖ(1 − pₖ), 1e-12)" + (k > 1 ? " / " + K : "")
                        : "// fused with the sigmoid before it: ∂l/∂zₖ = pₖ − tₖ" + (k > 1 ? ", over " + K : "") + " (σ' cancels the denominator)");
                    w.Line(c.T + " sum = " + zero + ";");
                    w.Open("for (int k = 0; k < " + K + "; k++)");
                    w.Line(c.T + " p = " + y.Local + "[k], t = target[k];");
                    w.Line("sum -= t * " + c.Max(c.Log("p"), c.Lit(-100)) + " + (" + one + " - t) * " + c.Max(c.Log(one + " - p"), c.Lit(-100)) + ";");
                    w.Line(fused is null
                        ? "if (withGradient) " + dz + "[k]" + op + "(p - t) / " + c.Max("(" + one + " - p) * p", c.Lit(1e-12)) + (k > 1 ? " / " + c.Lit(k) : "") + ";"
                        : "if (withGradient) " + dz + "[k]" + op + (k > 1 ? "(p - t) / " + c.Lit(k) : "p - t") + ";");
                    w.Close();
                    w.Line(k > 1 ? "return sum / " + c.Lit(k) + ";" : "return sum;");
                    break;
                case LossKind.CrossEntropy:
                    w.Line("// l = −Σₖ tₖ·log pₖ on probabilities p");
                    w.Line(fused is null
                        ? "// ∂l/∂pₖ = −tₖ/pₖ"
                        : "// fused with the softmax before it: ∂l/∂zₖ = pₖ·Σⱼtⱼ − tₖ (no division by p)");
                    w.Line(c.T + " sum = " + zero + ", targetSum = " + zero + ";");
                    w.Open("for (int k = 0; k < " + K + "; k++)");
                    w.Line("if (target[k] != " + zero + ") sum -= target[k] * " + c.Log(y.Local + "[k]") + ";");
                    w.Line("targetSum += target[k];");
                    w.Close();
                    w.Open("if (withGradient)");
                    w.Line(fused is null
                        ? "for (int k = 0; k < " + K + "; k++) " + dz + "[k]" + op + "target[k] == " + zero + " ? " + zero + " : -target[k] / " + y.Local + "[k];"
                        : "for (int k = 0; k < " + K + "; k++) " + dz + "[k]" + op + y.Local + "[k] * targetSum - target[k];");
                    w.Close();
                    w.Line("return sum;");
                    break;
                case LossKind.SoftmaxCrossEntropy:
                    w.Line("// l = −Σₖ tₖ·log softmax(z)ₖ = Σₖ tₖ·(logΣexp(z) − zₖ) on logits z;  ∂l/∂zₖ = softmax(z)ₖ·Σⱼtⱼ − tₖ");
                    w.Line(c.T + " max = " + y.Local + "[0];");
                    w.Line("for (int k = 1; k < " + K + "; k++) max = " + c.Max("max", y.Local + "[k]") + ";");
                    // The output's gradient is always written first here (nothing else feeds it), so it can hold e^(z − max) meanwhile.
                    w.Line(c.T + " sumExp = " + zero + ";");
                    w.Open("for (int k = 0; k < " + K + "; k++)");
                    w.Line(c.T + " e = " + c.Exp(y.Local + "[k] - max") + ";");
                    w.Line("if (withGradient) " + dz + "[k] = e;");
                    w.Line("sumExp += e;");
                    w.Close();
                    w.Line(c.T + " logSumExp = max + " + c.Log("sumExp") + ";");
                    w.Line(c.T + " sum = " + zero + ", targetSum = " + zero + ";");
                    w.Open("for (int k = 0; k < " + K + "; k++)");
                    w.Line("sum += target[k] * (logSumExp - " + y.Local + "[k]);");
                    w.Line("targetSum += target[k];");
                    w.Close();
                    w.Open("if (withGradient)");
                    w.Line(c.T + " scale = targetSum / sumExp;   // softmax(z)ₖ·Σt = e^(zₖ − max)/Σe · Σt");
                    w.Line("for (int k = 0; k < " + K + "; k++) " + dz + "[k] = " + dz + "[k] * scale - target[k];");
                    w.Close();
                    w.Line("return sum;");
                    break;
            }
            w.Close();
        }

        /// <summary>How one sample's loss is written in docs.</summary>
        public static string DescribeSample(LossKind loss)
        {
            switch (loss)
            {
                case LossKind.MeanSquaredError: return "the mean over its outputs of (ŷ − t)²";
                case LossKind.SumSquaredError: return "the sum over its outputs of (ŷ − t)²";
                case LossKind.BinaryCrossEntropy: return "the mean over its outputs of −(t·log p + (1 − t)·log(1 − p))";
                case LossKind.CrossEntropy: return "−Σₖ tₖ·log pₖ on its output probabilities";
                case LossKind.SoftmaxCrossEntropy: return "−Σₖ tₖ·log softmax(z)ₖ on its output logits";
                default: return "none";
            }
        }

        /// <summary>How the loss is written in docs: its name and per-sample formula.</summary>
        public static string Describe(LossKind loss)
        {
            switch (loss)
            {
                case LossKind.MeanSquaredError: return "mean squared error, mean over samples and outputs";
                case LossKind.SumSquaredError: return "sum of squared errors, summed over samples and outputs";
                case LossKind.BinaryCrossEntropy: return "binary cross-entropy on probabilities, mean over samples and outputs";
                case LossKind.CrossEntropy: return "cross-entropy on probabilities, mean over samples";
                case LossKind.SoftmaxCrossEntropy: return "softmax cross-entropy on logits, mean over samples";
                default: return "none";
            }
        }
    }
}
