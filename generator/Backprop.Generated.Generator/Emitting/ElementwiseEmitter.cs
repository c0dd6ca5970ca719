namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes the forward and backward methods of layers without parameters: activations (element by element, and
    /// softmax over a row) and the merges Add and Concat.
    /// </summary>
    internal static class ElementwiseEmitter
    {
        public static void Forward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            TensorPlan x = c.Tensor(layer.Input), y = c.Tensor(layer.Output);
            switch (layer.Kind)
            {
                case LayerKind.Add:
                {
                    TensorPlan other = c.Tensor(layer.Other);
                    w.Line("// " + y.Display + " = " + x.Local + " + " + other.Display + "    " + EmitContext.Shape(y.Width));
                    w.Line(c.ValuesLocal(x, true));
                    if (other.Index != x.Index) w.Line(c.ValuesLocal(other, true));
                    w.Line(c.ValuesLocal(y, false));
                    w.Line("for (int i = 0; i < " + EmitContext.Int(y.Width) + "; i++) " + y.Local + "[i] = " + x.Local + "[i] + " + other.Local + "[i];");
                    return;
                }
                case LayerKind.Concat:
                {
                    TensorPlan other = c.Tensor(layer.Other);
                    w.Line("// " + y.Display + " = [" + x.Local + ", " + other.Display + "]    " + EmitContext.Shape(x.Width) + " + " + EmitContext.Shape(other.Width) + " = " + EmitContext.Shape(y.Width));
                    w.Line(c.ValuesLocal(x, true));
                    if (other.Index != x.Index) w.Line(c.ValuesLocal(other, true));
                    w.Line(c.ValuesLocal(y, false));
                    w.Line(x.Local + ".CopyTo(" + y.Local + ");");
                    w.Line(other.Local + ".CopyTo(" + y.Local + ".Slice(" + EmitContext.Int(x.Width) + "));");
                    return;
                }
                case LayerKind.Softmax:
                    w.Line("// " + y.Display + " = softmax(" + x.Local + ") = exp(" + x.Local + "ᵢ − max) / Σⱼ exp(" + x.Local + "ⱼ − max)    " + EmitContext.Shape(y.Width));
                    w.Line(c.ValuesLocal(x, true));
                    w.Line(c.ValuesLocal(y, false));
                    w.Line(c.T + " max = " + x.Local + "[0];");
                    w.Line("for (int i = 1; i < " + EmitContext.Int(x.Width) + "; i++) max = " + c.Max("max", x.Local + "[i]") + ";");
                    w.Line(c.T + " sum = " + c.Lit(0) + ";");
                    w.Open("for (int i = 0; i < " + EmitContext.Int(x.Width) + "; i++)");
                    w.Line(y.Local + "[i] = " + c.Exp(x.Local + "[i] - max") + ";");
                    w.Line("sum += " + y.Local + "[i];");
                    w.Close();
                    w.Line("for (int i = 0; i < " + EmitContext.Int(x.Width) + "; i++) " + y.Local + "[i] /= sum;");
                    return;
                default:
                    w.Line("// " + y.Display + " = " + ActivationFormula(c, layer, x.Local) + "    " + EmitContext.Shape(y.Width));
                    bool vectorForward = VectorEmitter.Activation(c, layer);
                    if (vectorForward) VectorEmitter.ActivationForward(w, c, layer);
                    w.Line(c.ValuesLocal(x, true));
                    w.Line(c.ValuesLocal(y, false));
                    w.Open("for (int i = " + (vectorForward ? "start" : "0") + "; i < " + EmitContext.Int(y.Width) + "; i++)");
                    w.Line(c.T + " v = " + x.Local + "[i];");
                    w.Line(y.Local + "[i] = " + ActivationValue(c, layer, "v") + ";");
                    w.Close();
                    return;
            }
        }

        public static void Backward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            TensorPlan x = c.Tensor(layer.Input), y = c.Tensor(layer.Output);
            string op = layer.AssignsInputGradient ? " = " : " += ";
            string added = layer.AssignsInputGradient ? "" : "    (added: " + x.Local + " also feeds a later layer)";
            switch (layer.Kind)
            {
                case LayerKind.Add:
                {
                    TensorPlan other = c.Tensor(layer.Other);
                    string otherOp = layer.AssignsOtherGradient ? " = " : " += ";
                    w.Line("// ∂" + y.Local + "/∂" + x.Local + " = ∂" + y.Local + "/∂" + other.Local + " = I, so both receive δ" + y.Local);
                    w.Line("// δ" + x.Local + " " + op.Trim() + " δ" + y.Local + ";  δ" + other.Local + " " + otherOp.Trim() + " δ" + y.Local + "    " + EmitContext.Shape(y.Width));
                    w.Line(c.DeltasLocal(y, true));
                    w.Line(c.DeltasLocal(x, false));
                    if (other.Index != x.Index) w.Line(c.DeltasLocal(other, false));
                    w.Open("for (int i = 0; i < " + EmitContext.Int(y.Width) + "; i++)");
                    w.Line(x.DeltaLocal + "[i]" + op + y.DeltaLocal + "[i];");
                    w.Line(other.DeltaLocal + "[i]" + otherOp + y.DeltaLocal + "[i];");
                    w.Close();
                    return;
                }
                case LayerKind.Concat:
                {
                    TensorPlan other = c.Tensor(layer.Other);
                    string otherOp = layer.AssignsOtherGradient ? " = " : " += ";
                    w.Line("// δ" + y.Local + " splits where the concatenation joined: its first " + EmitContext.Int(x.Width) + " entries go to δ" + x.Local + ", the last " + EmitContext.Int(other.Width) + " to δ" + other.Display);
                    w.Line(c.DeltasLocal(y, true));
                    w.Line(c.DeltasLocal(x, false));
                    if (other.Index != x.Index) w.Line(c.DeltasLocal(other, false));
                    w.Line("for (int i = 0; i < " + EmitContext.Int(x.Width) + "; i++) " + x.DeltaLocal + "[i]" + op + y.DeltaLocal + "[i];");
                    w.Line("for (int i = 0; i < " + EmitContext.Int(other.Width) + "; i++) " + other.DeltaLocal + "[i]" + otherOp + y.DeltaLocal + "[" + EmitContext.Int(x.Width) + " + i];");
                    return;
                }
                case LayerKind.Softmax:
                    w.Line("// softmax Jacobian: ∂" + y.Local + "ᵢ/∂" + x.Local + "ⱼ = " + y.Local + "ᵢ·([i = j] − " + y.Local + "ⱼ), so δ" + x.Local + "ᵢ " + op.Trim() + " " + y.Local + "ᵢ·(δ" + y.Local + "ᵢ − Σⱼ δ" + y.Local + "ⱼ·" + y.Local + "ⱼ)" + added);
                    w.Line(c.ValuesLocal(y, true));
                    w.Line(c.DeltasLocal(y, true));
                    w.Line(c.DeltasLocal(x, false));
                    w.Line(c.T + " dot = " + c.Lit(0) + ";");
                    w.Line("for (int i = 0; i < " + EmitContext.Int(y.Width) + "; i++) dot += " + y.DeltaLocal + "[i] * " + y.Local + "[i];");
                    w.Line("for (int i = 0; i < " + EmitContext.Int(y.Width) + "; i++) " + x.DeltaLocal + "[i]" + op + y.Local + "[i] * (" + y.DeltaLocal + "[i] - dot);");
                    return;
                default:
                    w.Line("// δ" + x.Local + " " + op.Trim() + " δ" + y.Local + " ⊙ " + DerivativeFormula(layer, x.Local, y.Local) + added);
                    bool vectorBackward = VectorEmitter.Activation(c, layer);
                    if (vectorBackward) VectorEmitter.ActivationBackward(w, c, layer);
                    if (UsesInput(layer.Kind)) w.Line(c.ValuesLocal(x, true));
                    if (UsesOutput(layer.Kind)) w.Line(c.ValuesLocal(y, true));
                    w.Line(c.DeltasLocal(y, true));
                    w.Line(c.DeltasLocal(x, false));
                    w.Open("for (int i = " + (vectorBackward ? "start" : "0") + "; i < " + EmitContext.Int(y.Width) + "; i++)");
                    w.Lines(ActivationGradient(c, layer, x.Local + "[i]", y.Local + "[i]", y.DeltaLocal + "[i]", x.DeltaLocal + "[i]", op));
                    w.Close();
                    return;
            }
        }

        private static bool UsesOutput(LayerKind kind) => kind == LayerKind.Sigmoid || kind == LayerKind.Tanh || kind == LayerKind.ELU;

        private static bool UsesInput(LayerKind kind) => kind != LayerKind.Sigmoid && kind != LayerKind.Tanh && kind != LayerKind.Identity;

        /// <summary>The activation of v, as an expression in T.</summary>
        internal static string ActivationValue(EmitContext c, LayerPlan layer, string v)
        {
            string one = c.Lit(1);
            switch (layer.Kind)
            {
                case LayerKind.ReLU: return v + " > " + c.Lit(0) + " ? " + v + " : " + c.Lit(0);
                case LayerKind.LeakyReLU: return v + " > " + c.Lit(0) + " ? " + v + " : " + c.Lit(layer.Spec.Parameter) + " * " + v;
                case LayerKind.ELU: return v + " > " + c.Lit(0) + " ? " + v + " : " + c.Lit(layer.Spec.Parameter) + " * " + c.Expm1(v);
                case LayerKind.Sigmoid: return one + " / (" + one + " + " + c.Exp("-" + v) + ")";
                case LayerKind.Tanh: return c.Tanh(v);
                case LayerKind.Identity: return v;
                case LayerKind.GELU: return c.Lit(0.5) + " * " + v + " * (" + one + " + " + c.Erf(v + " * " + c.Lit(0.70710678118654752)) + ")";
                case LayerKind.Softplus: return "global::Backprop.Generated.NetworkMath.Softplus(" + v + ")";
                case LayerKind.SiLU: return v + " / (" + one + " + " + c.Exp("-" + v) + ")";
                default: throw new System.ArgumentOutOfRangeException(nameof(layer), layer.Kind, "not an element-wise activation");
            }
        }

        /// <summary>A statement: dx (=|+=) dy·f'(x), where f' may use the input x or the output y.</summary>
        private static string ActivationGradient(EmitContext c, LayerPlan layer, string x, string y, string dy, string dx, string op)
        {
            string zero = c.Lit(0), one = c.Lit(1);
            switch (layer.Kind)
            {
                case LayerKind.ReLU: return dx + op + x + " > " + zero + " ? " + dy + " : " + zero + ";";
                case LayerKind.LeakyReLU: return dx + op + x + " > " + zero + " ? " + dy + " : " + c.Lit(layer.Spec.Parameter) + " * " + dy + ";";
                case LayerKind.ELU: return dx + op + x + " > " + zero + " ? " + dy + " : " + dy + " * (" + y + " + " + c.Lit(layer.Spec.Parameter) + ");";
                case LayerKind.Sigmoid: return dx + op + dy + " * " + y + " * (" + one + " - " + y + ");";
                case LayerKind.Tanh: return dx + op + dy + " * (" + one + " - " + y + " * " + y + ");";
                case LayerKind.Identity: return dx + op + dy + ";";
                case LayerKind.Softplus:
                    return dx + op + x + " > " + c.Lit(20) + " ? " + dy + " : " + dy + " / (" + one + " + " + c.Exp("-" + x) + ");";
                case LayerKind.SiLU:
                    return c.T + " s = " + one + " / (" + one + " + " + c.Exp("-" + x) + ");\n" + dx + op + dy + " * s * (" + one + " + " + x + " * (" + one + " - s));";
                case LayerKind.GELU:
                    return dx + op + dy + " * (" + c.Lit(0.5) + " * (" + one + " + " + c.Erf(x + " * " + c.Lit(0.70710678118654752)) + ") + "
                        + x + " * " + c.Lit(0.3989422804014327) + " * " + c.Exp("-" + c.Lit(0.5) + " * " + x + " * " + x) + ");";
                default: throw new System.ArgumentOutOfRangeException(nameof(layer), layer.Kind, "not an element-wise activation");
            }
        }

        private static string ActivationFormula(EmitContext c, LayerPlan layer, string x)
        {
            switch (layer.Kind)
            {
                case LayerKind.ReLU: return "relu(" + x + ") = max(0, " + x + ")";
                case LayerKind.LeakyReLU: return "leaky_relu(" + x + "): " + x + " if > 0, else " + NumberText.Double(layer.Spec.Parameter) + "·" + x;
                case LayerKind.ELU: return "elu(" + x + "): " + x + " if > 0, else " + NumberText.Double(layer.Spec.Parameter) + "·(exp(" + x + ") − 1)";
                case LayerKind.Sigmoid: return "σ(" + x + ") = 1 / (1 + exp(−" + x + "))";
                case LayerKind.Tanh: return "tanh(" + x + ")";
                case LayerKind.Identity: return x;
                case LayerKind.GELU: return "gelu(" + x + ") = " + x + "·Φ(" + x + ") = 0.5·" + x + "·(1 + erf(" + x + "/√2))";
                case LayerKind.Softplus: return "softplus(" + x + ") = log(1 + exp(" + x + ")), or " + x + " itself above 20";
                case LayerKind.SiLU: return "silu(" + x + ") = " + x + "·σ(" + x + ")";
                default: return layer.Kind.ToString();
            }
        }

        private static string DerivativeFormula(LayerPlan layer, string x, string y)
        {
            string f;
            string rule;
            switch (layer.Kind)
            {
                case LayerKind.ReLU: f = "relu"; rule = "1 if " + x + " > 0, else 0"; break;
                case LayerKind.LeakyReLU: f = "leaky_relu"; rule = "1 if " + x + " > 0, else " + NumberText.Double(layer.Spec.Parameter); break;
                case LayerKind.ELU: f = "elu"; rule = "1 if " + x + " > 0, else α·exp(" + x + ") = " + y + " + α"; break;
                case LayerKind.Sigmoid: f = "σ"; rule = y + "·(1 − " + y + ")"; break;
                case LayerKind.Tanh: f = "tanh"; rule = "1 − " + y + "²"; break;
                case LayerKind.Identity: return "1  (the identity passes the gradient through)";
                case LayerKind.GELU: f = "gelu"; rule = "Φ(" + x + ") + " + x + "·φ(" + x + ")"; break;
                case LayerKind.Softplus: f = "softplus"; rule = "σ(" + x + "), 1 above 20"; break;
                case LayerKind.SiLU: f = "silu"; rule = "σ(" + x + ")·(1 + " + x + "·(1 − σ(" + x + ")))"; break;
                default: return layer.Kind.ToString();
            }
            return f + "'(" + x + "),  " + f + "'(" + x + ") = " + rule;
        }
    }
}
