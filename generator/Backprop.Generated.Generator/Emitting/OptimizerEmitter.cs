namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes Step: scale the accumulated gradient to the gradient of the batch loss, clip it if asked, then apply the
    /// optimizer's update to every parameter, exactly in torch.optim's order of operations, and clear the gradients.
    /// </summary>
    internal static class OptimizerEmitter
    {
        /// <summary>How many per-parameter state arrays the optimizer keeps.</summary>
        public static int StateArrays(OptimizerSpec o)
        {
            switch (o.Kind)
            {
                case OptimizerKind.Sgd: return o.Momentum != 0 ? 1 : 0;
                case OptimizerKind.Adam:
                case OptimizerKind.AdamW: return 2;
                case OptimizerKind.RmsProp: return 1 + (o.Centered ? 1 : 0) + (o.Momentum > 0 ? 1 : 0);
                default: return 0;
            }
        }

        /// <summary>What the state arrays hold, in order, for docs.</summary>
        public static string StateDescription(OptimizerSpec o)
        {
            switch (o.Kind)
            {
                case OptimizerKind.Sgd: return o.Momentum != 0 ? "the momentum buffer v" : "no state";
                case OptimizerKind.Adam:
                case OptimizerKind.AdamW: return "the first moment m, then the second moment v";
                default:
                    var parts = new System.Collections.Generic.List<string> { "the mean square s" };
                    if (o.Centered) parts.Add("the mean gradient ḡ");
                    if (o.Momentum > 0) parts.Add("the momentum buffer b");
                    return string.Join(", then ", parts);
            }
        }

        /// <summary>Declares a span over the <paramref name="index"/>-th state array (0-based) inside _optimizerState.</summary>
        private static string StateSpan(EmitContext c, string name, int index)
            => EmitContext.Span + "<" + c.T + "> " + name + " = " + "new " + EmitContext.Span + "<" + c.T + ">(_optimizerState, " + (index == 0 ? "0" : EmitContext.Int(index) + " * ParameterCount") + ", ParameterCount);";

        public static void EmitStep(SourceWriter w, EmitContext c)
        {
            OptimizerSpec o = c.Spec.Optimizer!;
            string T = c.T, one = c.Lit(1);
            bool mean = c.Spec.Loss != LossKind.SumSquaredError && c.Spec.Loss != LossKind.None;

            w.Line("/// <summary>");
            w.Line("/// " + Summary(o));
            w.Line("/// The gradient it uses is that of the batch loss, " + (mean ? "the mean" : "the sum") + " of the losses of the samples accumulated since the last step; it then clears the gradients.");
            w.Line("/// </summary>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">No sample has been accumulated since the last step.</exception>");
            w.Open("public void Step()");
            w.Line("if (_accumulatedSamples == 0) throw new global::System.InvalidOperationException(\"Step needs at least one accumulated sample: call Backward (or BackwardFromOutputGradient) first.\");");
            w.Line(T + "[] p = _parameters;");
            w.Line(T + "[] g = _gradients;");
            if (mean)
            {
                w.Line("// The batch loss is the mean over samples, so its gradient is the accumulated sum divided by their count.");
                w.Line(T + " scale = " + one + " / _accumulatedSamples;");
                w.Line("for (int i = 0; i < ParameterCount; i++) g[i] *= scale;");
            }
            if (c.Spec.ClipGradNorm > 0)
            {
                w.Line("// Clip the global gradient norm to " + EmitContext.Number(c.Spec.ClipGradNorm) + ", as torch.nn.utils.clip_grad_norm_: g ← g·min(1, c/(‖g‖ + 1e-6))");
                w.Line("double squares = 0;");
                w.Line("for (int i = 0; i < ParameterCount; i++) squares += " + (c.Spec.IsDouble ? "" : "(double)") + "g[i] * g[i];");
                w.Line("double clip = " + EmitContext.Number(c.Spec.ClipGradNorm) + " / (global::System.Math.Sqrt(squares) + 1e-6);");
                w.Line("if (clip < 1.0) for (int i = 0; i < ParameterCount; i++) g[i] *= " + Cast(c) + "clip;");
            }
            switch (o.Kind)
            {
                case OptimizerKind.Sgd: Sgd(w, c, o); break;
                case OptimizerKind.Adam:
                case OptimizerKind.AdamW: Adam(w, c, o); break;
                case OptimizerKind.RmsProp: RmsProp(w, c, o); break;
            }
            w.Line("_stepCount++;");
            w.Line("ZeroGradients();");
            w.Close();
        }

        private static string DecayedGradient(EmitContext c, OptimizerSpec o)
            => o.WeightDecay != 0 && o.Kind != OptimizerKind.AdamW ? "g[i] + " + c.Lit(o.WeightDecay) + " * p[i]" : "g[i]";

        /// <summary>1 − v as a constant expression: the compiler folds it in double, exactly as torch computes 1 − β.</summary>
        private static string OneMinus(EmitContext c, double v)
            => c.Spec.IsDouble ? "(1.0 - " + EmitContext.Number(v) + ")" : "(float)(1.0 - " + EmitContext.Number(v) + ")";

        private static string Cast(EmitContext c) => c.Spec.IsDouble ? "" : "(float)";

        private static void Sgd(SourceWriter w, EmitContext c, OptimizerSpec o)
        {
            string T = c.T;
            w.Line(T + " lr = " + Cast(c) + "_learningRate;");
            if (o.Momentum == 0)
            {
                w.Line("// θ ← θ − η·g" + (o.WeightDecay != 0 ? ",  with g ← g + λ·θ first (λ = " + EmitContext.Number(o.WeightDecay) + ")" : ""));
                string gradient = DecayedGradient(c, o);
                w.Line("for (int i = 0; i < ParameterCount; i++) p[i] -= lr * " + (gradient == "g[i]" ? gradient : "(" + gradient + ")") + ";");
                return;
            }
            w.Line("// Momentum μ = " + EmitContext.Number(o.Momentum) + (o.Dampening != 0 ? ", dampening d = " + EmitContext.Number(o.Dampening) : "")
                + (o.WeightDecay != 0 ? ", weight decay λ = " + EmitContext.Number(o.WeightDecay) + " (g ← g + λ·θ first)" : "") + ":");
            w.Line("// v ← g on the first step, then v ← μ·v + " + (o.Dampening != 0 ? "(1 − d)·g" : "g") + ";  θ ← θ − η·" + (o.Nesterov ? "(g + μ·v)  (Nesterov)" : "v"));
            w.Line(StateSpan(c, "v", 0));
            w.Line("bool first = _stepCount == 0;");
            w.Open("for (int i = 0; i < ParameterCount; i++)");
            w.Line(T + " grad = " + DecayedGradient(c, o) + ";");
            w.Line(T + " buffer = first ? grad : " + c.Lit(o.Momentum) + " * v[i] + " + (o.Dampening != 0 ? OneMinus(c, o.Dampening) + " * grad" : "grad") + ";");
            w.Line("v[i] = buffer;");
            w.Line(o.Nesterov ? "p[i] -= lr * (grad + " + c.Lit(o.Momentum) + " * buffer);" : "p[i] -= lr * buffer;");
            w.Close();
        }

        private static void Adam(SourceWriter w, EmitContext c, OptimizerSpec o)
        {
            string T = c.T;
            bool adamW = o.Kind == OptimizerKind.AdamW;
            if (adamW) w.Line("// AdamW. First the decoupled weight decay: θ ← θ·(1 − η·λ), λ = " + EmitContext.Number(o.WeightDecay) + "; then the Adam update with the raw g:");
            else if (o.WeightDecay != 0) w.Line("// Adam. First the coupled L2 weight decay: g ← g + λ·θ, λ = " + EmitContext.Number(o.WeightDecay) + "; then:");
            else w.Line("// Adam:");
            w.Line("// m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  θ ← θ − η·m̂/(√v̂ + ε),  m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ)");
            w.Line("// with β1 = " + EmitContext.Number(o.Beta1) + ", β2 = " + EmitContext.Number(o.Beta2) + ", ε = " + EmitContext.Number(o.Epsilon) + "; t counts steps from 1.");
            w.Line(StateSpan(c, "m", 0));
            w.Line(StateSpan(c, "v", 1));
            w.Line("double t = _stepCount + 1;");
            w.Line("// η/(1 − β1ᵗ) and √(1 − β2ᵗ) in double, as torch computes them");
            w.Line(T + " stepSize = " + Cast(c) + "(_learningRate / (1.0 - global::System.Math.Pow(" + EmitContext.Number(o.Beta1) + ", t)));");
            w.Line(T + " correction2 = " + Cast(c) + "global::System.Math.Sqrt(1.0 - global::System.Math.Pow(" + EmitContext.Number(o.Beta2) + ", t));");
            if (adamW) w.Line(T + " decay = " + Cast(c) + "(1.0 - _learningRate * " + EmitContext.Number(o.WeightDecay) + ");");
            w.Open("for (int i = 0; i < ParameterCount; i++)");
            if (adamW) w.Line("p[i] *= decay;");
            w.Line(T + " grad = " + DecayedGradient(c, o) + ";");
            w.Line("m[i] = m[i] * " + c.Lit(o.Beta1) + " + grad * " + OneMinus(c, o.Beta1) + ";");
            w.Line("v[i] = v[i] * " + c.Lit(o.Beta2) + " + " + OneMinus(c, o.Beta2) + " * grad * grad;");
            w.Line(T + " denominator = " + c.Sqrt("v[i]") + " / correction2 + " + c.Lit(o.Epsilon) + ";");
            w.Line("p[i] -= stepSize * (m[i] / denominator);");
            w.Close();
        }

        private static void RmsProp(SourceWriter w, EmitContext c, OptimizerSpec o)
        {
            string T = c.T;
            w.Line("// RMSprop (α = " + EmitContext.Number(o.Alpha) + ", ε = " + EmitContext.Number(o.Epsilon) + (o.Momentum > 0 ? ", μ = " + EmitContext.Number(o.Momentum) : "") + "): s ← α·s + (1 − α)·g²;  "
                + (o.Centered ? "ḡ ← α·ḡ + (1 − α)·g;  denominator = √(s − ḡ²) + ε" : "denominator = √s + ε")
                + ";  " + (o.Momentum > 0 ? "b ← μ·b + g/denominator;  θ ← θ − η·b" : "θ ← θ − η·g/denominator"));
            if (o.WeightDecay != 0) w.Line("// Coupled L2 weight decay: g ← g + λ·θ first, λ = " + EmitContext.Number(o.WeightDecay));
            w.Line(T + " lr = " + Cast(c) + "_learningRate;");
            w.Line(StateSpan(c, "s", 0));
            int next = 1;
            if (o.Centered) w.Line(StateSpan(c, "mean", next++));
            if (o.Momentum > 0) w.Line(StateSpan(c, "b", next));
            w.Open("for (int i = 0; i < ParameterCount; i++)");
            w.Line(T + " grad = " + DecayedGradient(c, o) + ";");
            w.Line("s[i] = s[i] * " + c.Lit(o.Alpha) + " + " + OneMinus(c, o.Alpha) + " * grad * grad;");
            if (o.Centered)
            {
                w.Line("mean[i] = mean[i] * " + c.Lit(o.Alpha) + " + grad * " + OneMinus(c, o.Alpha) + ";");
                w.Line(T + " denominator = " + c.Sqrt("s[i] - mean[i] * mean[i]") + " + " + c.Lit(o.Epsilon) + ";");
            }
            else
            {
                w.Line(T + " denominator = " + c.Sqrt("s[i]") + " + " + c.Lit(o.Epsilon) + ";");
            }
            if (o.Momentum > 0)
            {
                w.Line("b[i] = b[i] * " + c.Lit(o.Momentum) + " + grad / denominator;");
                w.Line("p[i] -= lr * b[i];");
            }
            else
            {
                w.Line("p[i] -= lr * (grad / denominator);");
            }
            w.Close();
        }

        private static string Summary(OptimizerSpec o)
        {
            switch (o.Kind)
            {
                case OptimizerKind.Sgd: return "Takes one SGD step (torch.optim.SGD" + (o.Momentum != 0 ? ", momentum " + EmitContext.Number(o.Momentum) : "") + (o.Nesterov ? ", Nesterov" : "") + ").";
                case OptimizerKind.Adam: return "Takes one Adam step (torch.optim.Adam).";
                case OptimizerKind.AdamW: return "Takes one AdamW step (torch.optim.AdamW).";
                default: return "Takes one RMSprop step (torch.optim.RMSprop" + (o.Centered ? ", centered" : "") + ").";
            }
        }
    }
}
