using System.Collections.Generic;
using System.Linq;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes the one-sample training step with the optimizer fused into the backward pass: as soon as a dense layer's
    /// gradient is known, row by row, the optimizer's update is applied to the weights it belongs to, so the gradient is
    /// never stored and Step's separate pass over every parameter and gradient disappears. Within a row, δx = Wᵀ·δz reads
    /// each weight before it is updated, so the chain rule sees the parameters the forward pass used. The arithmetic is
    /// Backward then Step's, operation for operation (but for Step's multiplication by a gradient scale of 1, which is
    /// exact), so the result is the same to the bit. TrainBatch takes this path for a batch of one sample.
    /// </summary>
    internal static class OnlineStepEmitter
    {
        /// <summary>
        /// Whether the network gets the fused step: a consumer with VectorMath, an optimizer and a loss, no gradient clipping
        /// (it needs the norm of the whole gradient before any update), and at least one dense layer, every one on the SIMD
        /// path with rows of whole vectors. A weight updated one scalar at a time costs more than Step's vector pass saves
        /// (4→8→3 trained 1.4× slower fused).
        /// </summary>
        public static bool Applies(EmitContext c)
            => c.Target.HasVectorMath && c.Spec.Optimizer != null && c.Spec.Loss != LossKind.None && c.Spec.ClipGradNorm <= 0
               && c.Plan.Layers.Any(l => l.Kind == LayerKind.Dense)
               && c.Plan.Layers.All(l => l.Kind != LayerKind.Dense || (VectorEmitter.Dense(c, l) && l.FanIn % VectorEmitter.Lanes(c) == 0));

        public static void Emit(SourceWriter w, EmitContext c)
        {
            NetworkPlan plan = c.Plan;
            OptimizerSpec o = c.Spec.Optimizer!;
            w.Line();
            w.Line("// One sample, trained at once: forward, the loss gradient, then backward with each dense layer's optimizer update");
            w.Line("// applied row by row as its gradient is computed (the gradient is never stored; the gradients stay cleared).");
            c.Optimized(w);
            w.Open("private " + c.T + " TrainOneSample(" + EmitContext.ReadOnlySpan + "<" + c.T + "> input, " + EmitContext.ReadOnlySpan + "<" + c.T + "> target)");
            w.Line("RunForward(input);");
            w.Line(c.T + " loss = ComputeLoss(target, withGradient: true, at: 0);");
            // The gradient of a one-sample batch is the sample's own (Step's scale would be 1): the rule uses it unscaled.
            OptimizerEmitter.UpdateRule rule = OptimizerEmitter.Rule(w, c, o, scaled: false);
            string arguments = string.Join(", ", rule.Inputs.Select(input => input.Name));
            LayerPlan? fused = plan.FusedLayer;
            for (int i = plan.Layers.Count - 1; i >= 0; i--)
            {
                LayerPlan layer = plan.Layers[i];
                if (fused != null && fused.Index == i) w.Line("// layer " + EmitContext.Int(i) + " (" + fused.Kind + ") is folded into the loss gradient");
                else if (layer.Kind == LayerKind.Dense) w.Line("UpdateLayer" + EmitContext.Int(i) + "(0, " + arguments + ");");
                else if (NetworkEmitter.TrainingBackward(layer) is string method) w.Line(method + "(0);");
                else w.Line("// layer " + EmitContext.Int(i) + " reads only the network input, whose gradient training does not need");
            }
            w.Line("_stepCount++;");
            w.Line("return loss;");
            w.Close();

            string parameters = string.Join(", ", rule.Inputs.Select(input => input.Type + " " + input.Name));
            foreach (LayerPlan layer in plan.Layers.Where(l => l.Kind == LayerKind.Dense))
            {
                w.Line();
                w.Line(EmitContext.InlineAttribute);
                w.Open("private void UpdateLayer" + EmitContext.Int(layer.Index) + "(int at, " + parameters + ")");
                Layer(w, c, layer, rule.Update);
                w.Close();
            }
        }

        private static void Layer(SourceWriter w, EmitContext c, LayerPlan layer, OptimizerEmitter.Update update)
        {
            int vectors = layer.FanIn / VectorEmitter.Lanes(c);   // whole: see Applies
            bool inputGradient = !layer.ReadsOnlyNetworkInput;
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string n = EmitContext.Int(layer.Index);
            string Z = EmitContext.At(z.Offset), U = EmitContext.Int(layer.Units);
            var state = update.Arrays.Where(a => a.Field == "_optimizerState").ToList();
            HashSet<string> written = OptimizerEmitter.Written(update);

            w.Line("// ∂l/∂W" + n + " = δ" + z.Local + " · " + x.Local + "ᵀ and ∂l/∂b" + n + " = δ" + z.Local + ", each used by the update as soon as it is known"
                + (inputGradient ? ";" : "."));
            if (inputGradient)
            {
                w.Line("// δ" + x.Local + " " + (layer.AssignsInputGradient ? "=" : "+=") + " W" + n + "ᵀ · δ" + z.Local + " reads each weight before its update.");
            }

            // The bias, one scalar at a time: the statement's i is the parameter's index, state arrays read at their block.
            string Element(string name, string field, int block)
            {
                if (name == "g") return "gradient";
                return field + "[" + (block == 0 ? "" : EmitContext.Int(block) + " * ParameterCount + ") + "i]";
            }
            void ScalarUpdate()
            {
                foreach (string statement in update.Body)
                {
                    w.Line(OptimizerEmitter.ScalarStatement(c, update, statement, name =>
                    {
                        var array = update.Arrays.First(a => a.Name == name);
                        return Element(array.Name, array.Field, array.Block);
                    }));
                }
            }

            if (layer.HasBias)
            {
                w.Open("for (int o = 0; o < " + U + "; o++)");
                w.Line("int i = " + EmitContext.Int(layer.BiasOffset) + " + o;");
                w.Line(c.T + " gradient = _deltas[" + Z + " + o];");
                ScalarUpdate();
                w.Close();
            }

            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "v", "_values"));
            w.Line(Simd.Ref(c, "d", "_deltas"));
            foreach (var (name, field, block) in state) w.Line(OptimizerEmitter.StateRef(c, name, field, block));
            string vec = Simd.Of(c);
            VectorEmitter.RowChunks(w, c, layer, vectors, loadX: true, inputGradient, (k, at) =>
            {
                // One vector of the row: the weights as the forward pass used them, then updated in place.
                w.Open();
                w.Line(vec + " pV = " + Simd.Load("w", at) + ";");
                if (inputGradient) w.Line("dx" + k + " = " + Simd.Math + ".MultiplyAdd(pV, dv, dx" + k + ");");
                w.Line(vec + " gV = dv * x" + k + ";");
                foreach (var (name, _, _) in state) w.Line(vec + " " + name + "V = " + Simd.Load(name + "Ref", at) + ";");
                foreach (string statement in update.Body) w.Line(OptimizerEmitter.VectorStatement(c, update, statement, name => name + "V"));
                w.Line(Simd.Store("pV", "w", at));
                foreach (var (name, _, _) in state)
                {
                    if (written.Contains(name)) w.Line(Simd.Store(name + "V", name + "Ref", at));
                }
                w.Close();
            });
        }
    }
}
