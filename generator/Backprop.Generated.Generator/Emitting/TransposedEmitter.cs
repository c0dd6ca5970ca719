using System.Collections.Generic;
using System.Linq;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes ForwardBatch's tiles from Wᵀ, for where Vector512 runs. A tile's forward from W (TileEmitter) sums each
    /// output across the lanes of its accumulators, and with 64 inputs a row that horizontal sum costs about half as much
    /// as the multiply-adds. From Wᵀ a vector of outputs is a sum of whole vectors: for each input k, z[o .. o + 16) +=
    /// x[k] · Wᵀ[k, o .. o + 16), x[k] broadcast. So ForwardBatch, given at least <see cref="MinimumBatch"/> samples, first makes
    /// <see cref="TransposedField"/> the transpose of the current weights of every layer that <see cref="Applies"/>, and its tiles
    /// read those. A caller may change the parameters through Parameters at any time, so each batch compares them, bit
    /// for bit, with the copy in <see cref="CopyField"/> that the transpose was taken from (about two thirds of a transpose's
    /// time) and transposes again only if they differ; an Inference's private network, whose parameters only CopyFrom
    /// changes, is transposed by CopyFrom and skips the comparison (<see cref="FixedField"/>). TrainBatch keeps reading W:
    /// its step changes the weights every batch, and a transpose there cost about what it saved. Parameters, gradients and
    /// the backward are unchanged.
    /// </summary>
    internal static class TransposedEmitter
    {
        /// <summary>The field holding the transposed weights, layer after layer.</summary>
        public const string TransposedField = "_transposedWeights";

        /// <summary>The field holding the weights <see cref="TransposedField"/> was transposed from, layer after layer.</summary>
        public const string CopyField = "_transposedFrom";

        /// <summary>
        /// The flag set in an Inference's private network: its parameters change only through CopyFrom, which transposes
        /// them, so its batches read Wᵀ without comparing W with <see cref="CopyField"/>.
        /// </summary>
        public const string FixedField = "_transposedFixed";

        /// <summary>Whether the network has <see cref="FixedField"/>: it transposes some layer, and it has an Inference.</summary>
        public static bool Fixed(EmitContext c) => Any(c) && !c.Spec.IsAbstract;

        /// <summary>The fewest samples in a batch for which the weights are transposed: four tiles.</summary>
        public const int MinimumBatch = 4 * TileEmitter.Tile;

        /// <summary>Vectors of outputs per block: with the tile's four samples, 16 accumulators of AVX-512's 32 registers.</summary>
        private const int BlockVectors = 4;

        /// <summary>The largest Wᵀ transposed per batch: it is read once per tile, so it should stay in L1 (48 KB here).</summary>
        private const int MaxBytes = 32 * 1024;

        /// <summary>
        /// Whether the batched forward reads this layer's weights transposed: a SIMD dense layer whose outputs are whole
        /// 512-bit vectors (16 floats, 8 doubles) and whose W fits <see cref="MaxBytes"/>.
        /// </summary>
        public static bool Applies(EmitContext c, LayerPlan layer)
            => VectorEmitter.Dense(c, layer) && layer.Units % VectorWidth.Wide.Lanes(c) == 0 && (long)layer.Units * layer.FanIn * (c.Spec.IsDouble ? 8 : 4) <= MaxBytes;

        /// <summary>The layers whose weights are transposed, in order.</summary>
        public static IEnumerable<LayerPlan> Layers(EmitContext c) => c.Plan.Layers.Where(layer => Applies(c, layer));

        public static bool Any(EmitContext c) => Layers(c).Any();

        /// <summary>The elements of <see cref="TransposedField"/> (and of <see cref="CopyField"/>): every transposed W.</summary>
        public static int Size(EmitContext c) => Layers(c).Sum(layer => layer.Units * layer.FanIn);

        /// <summary>Where a layer's Wᵀ starts in <see cref="TransposedField"/>.</summary>
        private static int Offset(EmitContext c, LayerPlan layer) => Layers(c).TakeWhile(l => l != layer).Sum(l => l.Units * l.FanIn);

        /// <summary>
        /// Whether ForwardBatch's tiles leave the inputs where the caller has them: the first layer is transposed, reads the
        /// network input and is its only reader, so its kernel broadcasts each x[k] from the caller's span. Copying a tile's
        /// inputs into the values buffer first cost a 64→64→64→10 batch about a fifth of its time: the kernel's scalar
        /// loads right after the copy's vector stores of the same values.
        /// </summary>
        public static bool ReadsInputs(EmitContext c)
        {
            return Applies(c, c.Plan.Layers[0]) && c.Plan.InputReadOnlyByFirstLayer;
        }

        /// <summary>"layers 0, 2": the layers whose weights are transposed.</summary>
        public static string Describe(EmitContext c) => EmitContext.LayerList(Layers(c));

        /// <summary>The check a batch makes to take this path: "Vector512.IsHardwareAccelerated &amp;&amp; count &gt;= 16".</summary>
        public static string Condition(string count) => VectorWidth.Wide.Accelerated + " && " + count + " >= " + EmitContext.Int(MinimumBatch);

        /// <summary>
        /// TransposeWeights: makes <see cref="TransposedField"/> Wᵀ of the current weights of every layer that <see cref="Applies"/>,
        /// transposing a layer's only if its weights differ from the copy in <see cref="CopyField"/>.
        /// </summary>
        public static void Transpose(SourceWriter w, EmitContext c)
        {
            w.Line();
            w.Line("// Wᵀ of the current weights of " + Describe(c) + ", for ForwardBatch's tiles (ForwardTransposed): each layer's transposed again only if they changed.");
            c.Optimized(w);
            w.Open("private void TransposeWeights()");
            foreach (LayerPlan layer in Layers(c))
            {
                string count = EmitContext.Int(layer.Units * layer.FanIn), at = EmitContext.Int(Offset(c, layer));
                string Part(string array) => "new " + EmitContext.Span + "<" + c.T + ">(" + array + "!, " + at + ", " + count + ")";
                w.Line(Simd.Math + ".TransposeIfChanged(new " + EmitContext.ReadOnlySpan + "<" + c.T + ">(_parameters, " + EmitContext.Int(layer.WeightOffset) + ", " + count + "), "
                    + EmitContext.Int(layer.Units) + ", " + EmitContext.Int(layer.FanIn) + ", " + Part(CopyField) + ", " + Part(TransposedField) + ");");
            }
            w.Close();
        }

        /// <summary>
        /// ForwardTransposed{i}: the tile's four samples through a dense layer from its Wᵀ, a block of up to
        /// <see cref="BlockVectors"/> vectors of outputs at a time. Each output starts from its bias, the products added in input order.
        /// </summary>
        public static void Forward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            int lanes = VectorWidth.Wide.Lanes(c), vectors = layer.Units / lanes;
            bool inputs = layer.Index == 0 && ReadsInputs(c);
            w.Line();
            c.Optimized(w);
            w.Open("private void ForwardTransposed" + EmitContext.Int(layer.Index) + "(" + (inputs ? EmitContext.ReadOnlySpan + "<" + c.T + "> inputs" : "") + ")");
            w.Line("// z = W·x + b for the tile's " + EmitContext.Int(TileEmitter.Tile) + " samples, from Wᵀ [" + EmitContext.Int(layer.FanIn) + "×" + EmitContext.Int(layer.Units) + "]: for each input k, sample s's x[k], broadcast, times");
            w.Line("// row k of Wᵀ adds to whole vectors of outputs, so no sum crosses lanes. acc[s·J + j] holds sample s's outputs o + " + EmitContext.Int(lanes) + "j ..");
            int offset = Offset(c, layer);
            w.Line(offset == 0 ? Simd.Ref(c, "t", TransposedField + "!") : Simd.RefAt(c, "t", TransposedField + "!", EmitContext.Int(offset)));
            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "v", "_values"));
            if (inputs) w.Line("ref " + c.T + " x = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(inputs);   // Tile × InputSize values, sample after sample");
            VectorEmitter.Blocks(w, vectors, BlockVectors, lanes, (count, o) => Block(w, c, layer, count, o, inputs));
            w.Close();
        }

        /// <summary>
        /// One block of <paramref name="vectors"/> vectors of outputs from <paramref name="o"/>, for the tile's samples; x from
        /// the caller's inputs (ref x) if <paramref name="inputs"/>, else from the values buffer.
        /// </summary>
        private static void Block(SourceWriter w, EmitContext c, LayerPlan layer, int vectors, string o, bool inputs)
        {
            VectorWidth wide = VectorWidth.Wide;
            int lanes = wide.Lanes(c), tile = TileEmitter.Tile;
            string V = wide.Of(c), J = EmitContext.Int(vectors);
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string Acc(int s, int j) => "acc" + EmitContext.Int(s * vectors + j);
            string Lane(int j) => j == 0 ? "" : " + " + EmitContext.Int(j * lanes);
            for (int j = 0; j < vectors; j++)
                w.Line(V + " b" + EmitContext.Int(j) + " = " + (layer.HasBias ? wide.Load("w", EmitContext.Int(layer.BiasOffset) + " + " + o + Lane(j)) : wide.Zero(c)) + ";");
            w.Line("// " + EmitContext.Int(tile) + " samples × " + J + (vectors == 1 ? " vector" : " vectors") + " of outputs = " + EmitContext.Int(tile * vectors) + " accumulators, starting from the bias");
            for (int s = 0; s < tile; s++)
                w.Line(V + " " + string.Join(", ", Enumerable.Range(0, vectors).Select(j => Acc(s, j) + " = b" + EmitContext.Int(j))) + ";");
            w.Open("for (nint k = 0; k < " + EmitContext.Int(layer.FanIn) + "; k++)");
            w.Line("nint row = k * " + EmitContext.Int(layer.Units) + " + " + o + ";");
            for (int j = 0; j < vectors; j++) w.Line(V + " w" + EmitContext.Int(j) + " = " + wide.Load("t", "row" + Lane(j)) + ";");
            for (int s = 0; s < tile; s++)
            {
                string from = inputs ? wide.Broadcast("x", (s == 0 ? "" : EmitContext.Int(s * c.Plan.InputSize) + " + ") + "k") : wide.Broadcast("v", TileEmitter.In(s, x.Offset) + " + k");
                w.Line((s == 0 ? V + " " : "") + "xk = " + from + ";");
                for (int j = 0; j < vectors; j++) w.Line(Acc(s, j) + " = " + Simd.Math + ".MultiplyAdd(w" + EmitContext.Int(j) + ", xk, " + Acc(s, j) + ");");
            }
            w.Close();
            for (int s = 0; s < tile; s++)
                for (int j = 0; j < vectors; j++)
                    w.Line(wide.Store(Acc(s, j), "v", TileEmitter.In(s, z.Offset) + " + " + o + Lane(j)));
        }
    }
}
