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

        /// <summary>The optimizer's kind and the options that decide its state's layout: "RmsProp(centered, momentum)".</summary>
        public static string Name(OptimizerSpec o)
        {
            var options = new System.Collections.Generic.List<string>();
            if (o.Kind == OptimizerKind.RmsProp && o.Centered) options.Add("centered");
            if ((o.Kind == OptimizerKind.RmsProp || o.Kind == OptimizerKind.Sgd) && o.Momentum > 0) options.Add("momentum");
            return o.Kind + (options.Count > 0 ? "(" + string.Join(", ", options) + ")" : "");
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

        public static void EmitStep(SourceWriter w, EmitContext c)
        {
            OptimizerSpec o = c.Spec.Optimizer!;
            string T = c.T;
            bool mean = LossIsMean(c);

            w.Line("/// <summary>");
            w.Line("/// " + Summary(o));
            w.Line("/// The gradient it uses is that of the batch loss, " + (mean ? "the mean" : "the sum") + " of the losses of the samples accumulated since the last step; it then clears the gradients.");
            w.Line("/// </summary>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">No sample has been accumulated since the last step.</exception>");
            c.Optimized(w);
            w.Open("public void Step()");
            w.Line("if (_accumulatedSamples == 0) throw new global::System.InvalidOperationException(\"Step needs at least one accumulated sample: call Backward (or BackwardFromOutputGradient) first.\");");
            // One pass over the parameters: the accumulated sum is scaled into the gradient of the batch loss as it is read,
            // the update applied, and the accumulator cleared, all in the same loop.
            bool scaled = GradientIsScaled(c);
            if (mean) w.Line("// The batch loss is the mean over samples: its gradient is the accumulated sum times 1/count.");
            if (scaled) w.Line("double scale = " + (mean ? "1.0 / _accumulatedSamples" : "1.0") + ";");
            if (c.Spec.ClipGradNorm > 0)
            {
                w.Line("// Clip the global gradient norm to " + NumberText.Double(c.Spec.ClipGradNorm) + ", as torch.nn.utils.clip_grad_norm_: g ← g·min(1, c/(‖g‖ + 1e-6))");
                w.Line("double squares = global::Backprop.Generated.NetworkMath.SumOfSquares(new " + EmitContext.ReadOnlySpan + "<" + T + ">(_gradients));   // in double, with SIMD where there is");
                w.Line("double clip = " + NumberText.Double(c.Spec.ClipGradNorm) + " / (scale * global::System.Math.Sqrt(squares) + 1e-6);");
                w.Line("if (clip < 1.0) scale *= clip;");
            }
            if (scaled) w.Line(T + " gradientScale = " + Cast(c) + "scale;");
            EmitUpdate(w, c, Cleared(Rule(w, c, o, scaled).Update));
            w.Line("_stepCount++;");
            w.Line("_accumulatedSamples = 0;   // the update loop has cleared every gradient");
            w.Close();
        }

        /// <summary>
        /// An optimizer's update rule: the statements over one parameter, and the values its prelude computes once per step
        /// (the learning rate, bias corrections...) that the statements read.
        /// </summary>
        public sealed class UpdateRule
        {
            public UpdateRule(Update update, System.Collections.Generic.List<(string Type, string Name)> inputs)
            {
                Update = update;
                Inputs = inputs;
            }

            public Update Update { get; }

            /// <summary>The prelude's locals the statements read, gradientScale included when the gradient is scaled.</summary>
            public System.Collections.Generic.List<(string Type, string Name)> Inputs { get; }
        }

        /// <summary>
        /// Writes the optimizer's prelude (comments and the locals it computes once per step) and returns its update rule.
        /// With <paramref name="scaled"/> the rule multiplies the gradient by the local gradientScale (Step's 1/count and
        /// clipping factor); without, it uses the gradient as it is (the one-sample step, whose scale would be 1).
        /// </summary>
        public static UpdateRule Rule(SourceWriter w, EmitContext c, OptimizerSpec o, bool scaled)
        {
            var inputs = new System.Collections.Generic.List<(string Type, string Name)>();
            if (scaled) inputs.Add((c.T, "gradientScale"));
            Update update;
            switch (o.Kind)
            {
                case OptimizerKind.Sgd: update = Sgd(w, c, o, inputs, scaled); break;
                case OptimizerKind.Adam:
                case OptimizerKind.AdamW: update = Adam(w, c, o, inputs, scaled); break;
                default: update = RmsProp(w, c, o, inputs, scaled); break;
            }
            return new UpdateRule(update, inputs);
        }

        /// <summary>Whether the batch loss is the mean of the per-sample losses (so the accumulated sum is divided by their count).</summary>
        public static bool LossIsMean(EmitContext c) => c.Spec.Loss != LossKind.SumSquaredError && c.Spec.Loss != LossKind.None;

        /// <summary>Whether Step multiplies the accumulated gradient by a factor (1/count, and the clipping factor).</summary>
        public static bool GradientIsScaled(EmitContext c) => LossIsMean(c) || c.Spec.ClipGradNorm > 0;

        /// <summary>The gradient of the batch loss for parameter i, with coupled weight decay: g·scale (+ λ·θ).</summary>
        private static string DecayedGradient(EmitContext c, OptimizerSpec o, bool scaled)
        {
            string gradient = scaled ? "g[i] * gradientScale" : "g[i]";
            return o.WeightDecay != 0 && o.Kind != OptimizerKind.AdamW ? gradient + " + " + c.Lit(o.WeightDecay) + " * p[i]" : gradient;
        }

        /// <summary>1 − v as a constant expression: the compiler folds it in double, exactly as torch computes 1 − β.</summary>
        private static string OneMinus(EmitContext c, double v)
            => c.Spec.IsDouble ? "(1.0 - " + NumberText.Double(v) + ")" : "(float)(1.0 - " + NumberText.Double(v) + ")";

        private static string Cast(EmitContext c) => c.Spec.IsDouble ? "" : "(float)";

        /// <summary>
        /// An element-wise update: the arrays it touches (name, backing field, which state block) and statements over
        /// <c>name[i]</c>, with <c>SQRT(…)</c> for a square root and <c>T</c> for the element type. Rendered twice: as a
        /// Vector256 loop over whole vectors (when the target has SIMD), and as the scalar loop that finishes the rest.
        /// </summary>
        public sealed class Update
        {
            public System.Collections.Generic.List<(string Name, string Field, int Block)> Arrays { get; } = new System.Collections.Generic.List<(string, string, int)>();
            public System.Collections.Generic.List<string> Body { get; } = new System.Collections.Generic.List<string>();

            public Update Array(string name, string field, int block = 0)
            {
                Arrays.Add((name, field, block));
                return this;
            }

            public Update Line(string statement)
            {
                Body.Add(statement);
                return this;
            }
        }

        /// <summary>A statement rendered over vectors: T is the vector type, and each array's name[i] the local <paramref name="local"/> names.</summary>
        public static string VectorStatement(EmitContext c, Update update, string statement, System.Func<string, string> local)
        {
            string vec = Simd.Of(c);
            string line = statement.Replace("T ", vec + " ").Replace("SQRT(", Simd.Vector + ".Sqrt(").Replace("CONST(", Simd.Vector + ".Create(").Replace("ZERO", vec + ".Zero");
            foreach (var (name, _, _) in update.Arrays) line = line.Replace(name + "[i]", local(name));
            return line;
        }

        /// <summary>A statement rendered over scalars: each array's name[i] becomes <paramref name="element"/>(name).</summary>
        public static string ScalarStatement(EmitContext c, Update update, string statement, System.Func<string, string> element)
        {
            string line = statement.Replace("T ", c.T + " ").Replace("CONST(", "(").Replace("ZERO", c.Lit(0));
            int at;
            while ((at = line.IndexOf("SQRT(", System.StringComparison.Ordinal)) >= 0)
            {
                int depth = 0, close = at + 4;
                for (; close < line.Length; close++)
                {
                    if (line[close] == '(') depth++;
                    else if (line[close] == ')' && --depth == 0) break;
                }
                line = line.Substring(0, at) + c.Sqrt(line.Substring(at + 5, close - at - 5)) + line.Substring(close + 1);
            }
            // Through placeholders: a replacement such as "_parameters[i]" must not be matched again by a later name ("s[i]").
            for (int k = 0; k < update.Arrays.Count; k++) line = line.Replace(update.Arrays[k].Name + "[i]", "\u0001" + EmitContext.Int(k) + "\u0001");
            for (int k = 0; k < update.Arrays.Count; k++) line = line.Replace("\u0001" + EmitContext.Int(k) + "\u0001", element(update.Arrays[k].Name));
            return line;
        }

        /// <summary>The arrays a statement list assigns (those whose statement starts with "name[i] ").</summary>
        public static System.Collections.Generic.HashSet<string> Written(Update update)
        {
            var written = new System.Collections.Generic.HashSet<string>();
            foreach (string statement in update.Body)
            {
                foreach (var (name, _, _) in update.Arrays)
                {
                    if (statement.StartsWith(name + "[i] ", System.StringComparison.Ordinal)) written.Add(name);
                }
            }
            return written;
        }

        private static void EmitUpdate(SourceWriter w, EmitContext c, Update update)
        {
            string T = c.T;
            bool vector = c.Target.HasVectorMath && !c.ScalarNetwork;
            w.Open();
            w.Line("int i = 0;");
            if (vector)
            {
                string vec = Simd.Of(c);
                int lanes = VectorEmitter.Lanes(c);
                w.Open("if (" + Simd.Accelerated + ")");
                foreach (var (name, field, block) in update.Arrays)
                {
                    w.Line(StateRef(c, name, field, block));
                }
                w.Open("for (; i <= ParameterCount - " + EmitContext.Int(lanes) + "; i += " + EmitContext.Int(lanes) + ")");
                foreach (var (name, _, _) in update.Arrays) w.Line(vec + " " + name + "V = " + Simd.Load(name + "Ref", "i") + ";");
                foreach (string statement in update.Body) w.Line(VectorStatement(c, update, statement, name => name + "V"));
                var written = Written(update);
                foreach (var (name, _, _) in update.Arrays)
                {
                    if (written.Contains(name)) w.Line(Simd.Store(name + "V", name + "Ref", "i"));
                }
                w.Close();
                w.Close();
            }
            foreach (var (name, field, block) in update.Arrays)
            {
                w.Line(block == 0
                    ? T + "[] " + name + " = " + field + ";"
                    : EmitContext.Span + "<" + T + "> " + name + " = new " + EmitContext.Span + "<" + T + ">(" + field + ", " + EmitContext.Int(block) + " * ParameterCount, ParameterCount);");
            }
            w.Open("for (; i < ParameterCount; i++)");
            foreach (string statement in update.Body) w.Line(ScalarStatement(c, update, statement, name => name + "[i]"));
            w.Close();
            w.Close();
        }

        private static Update Arrays(params string[] state)
        {
            var update = new Update().Array("p", "_parameters").Array("g", "_gradients");
            for (int k = 0; k < state.Length; k++) update.Array(state[k], "_optimizerState", k);
            return update;
        }

        /// <summary>Declares "nameRef", a reference to the update array's first element: its field's, or its state block's.</summary>
        public static string StateRef(EmitContext c, string name, string field, int block)
            => block == 0 ? Simd.Ref(c, name + "Ref", field) : Simd.RefAt(c, name + "Ref", field, EmitContext.Int(block) + " * ParameterCount");

        /// <summary>Ends an update by clearing the accumulated gradient it has used.</summary>
        private static Update Cleared(Update update) => update.Line("g[i] = ZERO;");

        private static Update Sgd(SourceWriter w, EmitContext c, OptimizerSpec o, System.Collections.Generic.List<(string Type, string Name)> inputs, bool scaled)
        {
            string T = c.T;
            w.Line(T + " lr = " + Cast(c) + "_learningRate;");
            inputs.Add((T, "lr"));
            if (o.Momentum == 0)
            {
                w.Line("// θ ← θ − η·g" + (o.WeightDecay != 0 ? ",  with g ← g + λ·θ first (λ = " + NumberText.Double(o.WeightDecay) + ")" : ""));
                string gradient = DecayedGradient(c, o, scaled);
                return Arrays().Line("p[i] -= lr * " + (gradient == "g[i]" ? gradient : "(" + gradient + ")") + ";");
            }
            w.Line("// Momentum μ = " + NumberText.Double(o.Momentum) + (o.Dampening != 0 ? ", dampening d = " + NumberText.Double(o.Dampening) : "")
                + (o.WeightDecay != 0 ? ", weight decay λ = " + NumberText.Double(o.WeightDecay) + " (g ← g + λ·θ first)" : "") + ":");
            w.Line("// v ← g on the first step, then v ← μ·v + " + (o.Dampening != 0 ? "(1 − d)·g" : "g") + ";  θ ← θ − η·" + (o.Nesterov ? "(g + μ·v)  (Nesterov)" : "v"));
            w.Line("bool first = _stepCount == 0;");
            inputs.Add(("bool", "first"));
            return Arrays("v")
                .Line("T grad = " + DecayedGradient(c, o, scaled) + ";")
                .Line("T buffer = first ? grad : " + c.Lit(o.Momentum) + " * v[i] + " + (o.Dampening != 0 ? OneMinus(c, o.Dampening) + " * grad" : "grad") + ";")
                .Line("v[i] = buffer;")
                .Line(o.Nesterov ? "p[i] -= lr * (grad + " + c.Lit(o.Momentum) + " * buffer);" : "p[i] -= lr * buffer;");
        }

        private static Update Adam(SourceWriter w, EmitContext c, OptimizerSpec o, System.Collections.Generic.List<(string Type, string Name)> inputs, bool scaled)
        {
            string T = c.T;
            bool adamW = o.Kind == OptimizerKind.AdamW;
            if (adamW) w.Line("// AdamW. First the decoupled weight decay: θ ← θ·(1 − η·λ), λ = " + NumberText.Double(o.WeightDecay) + "; then the Adam update with the raw g:");
            else if (o.WeightDecay != 0) w.Line("// Adam. First the coupled L2 weight decay: g ← g + λ·θ, λ = " + NumberText.Double(o.WeightDecay) + "; then:");
            else w.Line("// Adam:");
            w.Line("// m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  θ ← θ − η·m̂/(√v̂ + ε),  m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ)");
            w.Line("// with β1 = " + NumberText.Double(o.Beta1) + ", β2 = " + NumberText.Double(o.Beta2) + ", ε = " + NumberText.Double(o.Epsilon) + "; t counts steps from 1.");
            w.Line("double t = _stepCount + 1;");
            w.Line("// η/(1 − β1ᵗ) and √(1 − β2ᵗ) in double, as torch computes them");
            w.Line(T + " stepSize = " + Cast(c) + "(_learningRate / (1.0 - global::System.Math.Pow(" + NumberText.Double(o.Beta1) + ", t)));");
            w.Line(T + " correction2 = " + Cast(c) + "global::System.Math.Sqrt(1.0 - global::System.Math.Pow(" + NumberText.Double(o.Beta2) + ", t));");
            if (adamW) w.Line(T + " decay = " + Cast(c) + "(1.0 - _learningRate * " + NumberText.Double(o.WeightDecay) + ");");
            inputs.Add((T, "stepSize"));
            inputs.Add((T, "correction2"));
            if (adamW) inputs.Add((T, "decay"));
            Update update = Arrays("m", "v");
            if (adamW) update.Line("p[i] *= decay;");
            update.Line("T grad = " + DecayedGradient(c, o, scaled) + ";")
                .Line("m[i] = m[i] * " + c.Lit(o.Beta1) + " + grad * " + OneMinus(c, o.Beta1) + ";")
                .Line("v[i] = v[i] * " + c.Lit(o.Beta2) + " + " + OneMinus(c, o.Beta2) + " * grad * grad;")
                .Line("T denominator = SQRT(v[i]) / correction2 + CONST(" + c.Lit(o.Epsilon) + ");")
                .Line("p[i] -= stepSize * (m[i] / denominator);");
            return update;
        }

        private static Update RmsProp(SourceWriter w, EmitContext c, OptimizerSpec o, System.Collections.Generic.List<(string Type, string Name)> inputs, bool scaled)
        {
            string T = c.T;
            w.Line("// RMSprop (α = " + NumberText.Double(o.Alpha) + ", ε = " + NumberText.Double(o.Epsilon) + (o.Momentum > 0 ? ", μ = " + NumberText.Double(o.Momentum) : "") + "): s ← α·s + (1 − α)·g²;  "
                + (o.Centered ? "ḡ ← α·ḡ + (1 − α)·g;  denominator = √(s − ḡ²) + ε" : "denominator = √s + ε")
                + ";  " + (o.Momentum > 0 ? "b ← μ·b + g/denominator;  θ ← θ − η·b" : "θ ← θ − η·g/denominator"));
            if (o.WeightDecay != 0) w.Line("// Coupled L2 weight decay: g ← g + λ·θ first, λ = " + NumberText.Double(o.WeightDecay));
            w.Line(T + " lr = " + Cast(c) + "_learningRate;");
            inputs.Add((T, "lr"));
            var state = new System.Collections.Generic.List<string> { "s" };
            if (o.Centered) state.Add("mean");
            if (o.Momentum > 0) state.Add("b");
            Update update = Arrays(state.ToArray())
                .Line("T grad = " + DecayedGradient(c, o, scaled) + ";")
                .Line("s[i] = s[i] * " + c.Lit(o.Alpha) + " + " + OneMinus(c, o.Alpha) + " * grad * grad;");
            if (o.Centered)
            {
                update.Line("mean[i] = mean[i] * " + c.Lit(o.Alpha) + " + grad * " + OneMinus(c, o.Alpha) + ";")
                    .Line("T denominator = SQRT(s[i] - mean[i] * mean[i]) + CONST(" + c.Lit(o.Epsilon) + ");");
            }
            else
            {
                update.Line("T denominator = SQRT(s[i]) + CONST(" + c.Lit(o.Epsilon) + ");");
            }
            if (o.Momentum > 0) update.Line("b[i] = b[i] * " + c.Lit(o.Momentum) + " + grad / denominator;").Line("p[i] -= lr * b[i];");
            else update.Line("p[i] -= lr * (grad / denominator);");
            return update;
        }

        private static string Summary(OptimizerSpec o)
        {
            switch (o.Kind)
            {
                case OptimizerKind.Sgd: return "Takes one SGD step (torch.optim.SGD" + (o.Momentum != 0 ? ", momentum " + NumberText.Double(o.Momentum) : "") + (o.Nesterov ? ", Nesterov" : "") + ").";
                case OptimizerKind.Adam: return "Takes one Adam step (torch.optim.Adam).";
                case OptimizerKind.AdamW: return "Takes one AdamW step (torch.optim.AdamW).";
                default: return "Takes one RMSprop step (torch.optim.RMSprop" + (o.Centered ? ", centered" : "") + ").";
            }
        }
    }
}
