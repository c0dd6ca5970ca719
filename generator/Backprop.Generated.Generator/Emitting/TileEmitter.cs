using System.Linq;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes the batched path: a tile of <see cref="Tile"/> samples goes through each layer together, so a dense layer
    /// brings each row of W from memory once for all of them: the backward keeps the four samples' x and δx in registers
    /// while W streams past, and the forward loads each vector of W once for the four samples (AVX-512's 32 registers)
    /// or once per pair of samples, from L1 (AVX2's 16). Other layers run sample by sample inside the tile. Used by
    /// ForwardBatch and TrainBatch.
    /// </summary>
    internal static class TileEmitter
    {
        /// <summary>Samples per tile.</summary>
        public const int Tile = 4;

        /// <summary>Sample s's offset of a tensor in the tile: "2 * ValueCount + 4".</summary>
        /// <summary>Sample <paramref name="sample"/>'s element at <paramref name="offset"/> of the per-sample buffers: "2 * ValueCount + 64".</summary>
        internal static string In(int sample, int offset) => (sample == 0 ? "" : EmitContext.Int(sample) + " * ValueCount + ") + EmitContext.Int(offset);

        public static void Forward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            string n = EmitContext.Int(layer.Index);
            c.Optimized(w);
            w.Open("private void ForwardTile" + n + "()");
            if (VectorEmitter.Dense(c, layer)) DenseForward(w, c, layer);
            w.Line("for (int s = 0; s < Tile; s++) ForwardLayer" + n + "(s * ValueCount);");
            w.Close();
        }

        public static void Backward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            string n = EmitContext.Int(layer.Index);
            c.Optimized(w);
            w.Open("private void BackwardTile" + n + "()");
            if (VectorEmitter.Dense(c, layer)) DenseBackward(w, c, layer);
            string? training = NetworkEmitter.TrainingBackward(layer);
            if (training is null) w.Line("// reads only the network input, whose gradient training does not need");
            else w.Line("for (int s = 0; s < Tile; s++) " + training + "(s * ValueCount);");
            w.Close();
        }

        private static void DenseForward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            foreach (VectorWidth width in VectorEmitter.Widths(c, layer)) DenseForward(w, c, layer, width);
        }

        /// <summary>
        /// One width's tile forward. Rows go in blocks of half a 256-bit vector (<see cref="RowBlocks"/>), then pairs, then
        /// one; each accumulator steps along its row by a vector of <paramref name="width"/>, and is summed by SumSixteen
        /// (four float rows × four samples at 512 bits) or folded to 256 bits for a horizontal-add tree.
        /// </summary>
        private static void DenseForward(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width)
        {
            int lanes = VectorEmitter.Lanes(c), step = width.Lanes(c), fanIn = layer.FanIn, units = layer.Units, full = fanIn - fanIn % step;
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string F = EmitContext.Int(fanIn), W = EmitContext.Int(layer.WeightOffset), V = width.Of(c);
            w.Open("if (" + width.Accelerated + ")");
            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "v", "_values"));
            w.Line("int o = 0;");
            int block = lanes / 2;
            if (units >= block) RowBlocks(w, c, layer, width);
            if (units % block >= 2)   // float only: a double block is 2 rows
            {
                w.Line("// the rows after the last block, two at a time: 2 rows of W × " + EmitContext.Int(Tile) + " samples = 8 accumulators, summed by one horizontal-add tree");
                w.Open("for (; o <= " + EmitContext.Int(units - 2) + "; o += 2)");
                w.Line("nint row = " + W + " + o * " + F + ";");
                for (int a = 0; a < 8; a++) w.Line(V + " acc" + EmitContext.Int(a) + " = " + width.Zero(c) + ";");
                w.Open("for (nint i = 0; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(step) + ")");
                w.Line(V + " w0 = " + width.Load("w", "row + i") + ", w1 = " + width.Load("w", "row + " + F + " + i") + ";");
                for (int s = 0; s < Tile; s++)
                {
                    string xs = "x" + EmitContext.Int(s);
                    w.Line(V + " " + xs + " = " + width.Load("v", In(s, x.Offset) + " + i") + ";");
                    w.Line("acc" + EmitContext.Int(s) + " = " + Simd.Math + ".MultiplyAdd(w0, " + xs + ", acc" + EmitContext.Int(s) + ");");
                    w.Line("acc" + EmitContext.Int(4 + s) + " = " + Simd.Math + ".MultiplyAdd(w1, " + xs + ", acc" + EmitContext.Int(4 + s) + ");");
                }
                w.Close();
                w.Line("// sums[r·4 + s] = row o + r of W · sample s");
                w.Line(Simd.Of(c) + " sums = " + Simd.Math + ".SumEach(" + string.Join(", ", Enumerable.Range(0, 8).Select(a => width.Fold("acc" + EmitContext.Int(a)))) + ");");
                w.Open("for (int s = 0; s < " + EmitContext.Int(Tile) + "; s++)");
                w.Line("int xs = s * ValueCount + " + EmitContext.Int(x.Offset) + ", zs = s * ValueCount + " + EmitContext.Int(z.Offset) + " + o;");
                for (int r = 0; r < 2; r++)
                {
                    string sum = Simd.Vector + ".GetElement(sums, " + (r == 0 ? "s" : "4 + s") + ")";
                    w.Line(c.T + " value" + EmitContext.Int(r) + " = " + sum + (layer.HasBias ? " + " + Simd.Element("w", EmitContext.Int(layer.BiasOffset) + " + o" + (r == 0 ? "" : " + 1")) : "") + ";");
                    if (full < fanIn) w.Line(VectorEmitter.RestOfRow(c, layer, full, "value" + EmitContext.Int(r), r == 0 ? "row" : "row + " + F, "xs"));
                    w.Line(Simd.Element("v", "zs" + (r == 0 ? "" : " + 1")) + " = value" + EmitContext.Int(r) + ";");
                }
                w.Close();
                w.Close();
            }
            if (units % 2 == 1)
            {
                w.Line("// the last row of W, for each sample");
                w.Line("int last = " + W + " + o * " + F + ";");
                w.Open("for (int s = 0; s < " + EmitContext.Int(Tile) + "; s++)");
                w.Line("int xs = s * ValueCount + " + EmitContext.Int(x.Offset) + ";");
                w.Line(V + " acc = " + width.Zero(c) + ";");
                w.Line("for (int i = 0; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(step) + ") acc = " + Simd.Math + ".MultiplyAdd(" + width.Load("w", "last + i") + ", " + width.Load("v", "xs + i") + ", acc);");
                w.Line(c.T + " value = " + width.Type + ".Sum(acc)" + (layer.HasBias ? " + " + Simd.Element("w", EmitContext.Int(layer.BiasOffset) + " + o") : "") + ";");
                if (full < fanIn) w.Line(VectorEmitter.RestOfRow(c, layer, full, "value", "last", "xs"));
                w.Line(Simd.Element("v", "s * ValueCount + " + EmitContext.Int(z.Offset) + " + o") + " = value;");
                w.Close();
            }
            w.Line("return;");
            w.Close();
        }

        /// <summary>
        /// The rows of W in blocks of half a vector (4 float, 2 double). Every vector of the block's rows is loaded once and
        /// meets the x of several samples; one horizontal-add tree per pair of samples sums the 2 × rows accumulators into
        /// one vector whose halves are the two samples' outputs, stored with the bias added as two half-vectors. With
        /// AVX-512's 32 vector registers all four samples share each load (16 accumulators); with AVX2's 16 that would
        /// spill, so the pairs take turns (8 accumulators) and the block's rows, a few KB, stay in L1 between them. The 512-bit
        /// width runs only where AVX-512 is, so it always takes the four samples at once, and in float sums the sixteen
        /// accumulators with one SumSixteen, each sample's four rows in a 128-bit block of the result.
        /// </summary>
        private static void RowBlocks(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width)
        {
            int lanes = VectorEmitter.Lanes(c), units = layer.Units, block = lanes / 2;
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            w.Open("for (; o <= " + EmitContext.Int(units - block) + "; o += " + EmitContext.Int(block) + ")");
            w.Line("nint row = " + EmitContext.Int(layer.WeightOffset) + " + o * " + EmitContext.Int(layer.FanIn) + ";");
            if (layer.HasBias)
            {
                w.Line(Simd.Vector128 + "<" + c.T + "> b = " + Simd.Load128("w", EmitContext.Int(layer.BiasOffset) + " + o") + ";");
                w.Line(Simd.Of(c) + " bias = " + Simd.Vector + ".Create(b, b);");
            }
            string[] all = Enumerable.Range(0, Tile).Select(s => In(s, x.Offset)).ToArray();
            string[] outputs = Enumerable.Range(0, Tile).Select(s => In(s, z.Offset) + " + o").ToArray();
            string allSamples = "// " + EmitContext.Int(block) + " rows of W × " + EmitContext.Int(Tile) + " samples = " + EmitContext.Int(2 * lanes) + " accumulators (32 vector registers): each W vector loaded once serves the whole tile.";
            if (width == VectorWidth.Wide)
            {
                // 512-bit code runs only where AVX-512's 32 registers are: no check for them.
                w.Line(allSamples);
                RowBlockPass(w, c, layer, all, outputs, width);
            }
            else
            {
                w.Open("if (global::System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported)");
                w.Line(allSamples);
                RowBlockPass(w, c, layer, all, outputs, width);
                w.Close();
                w.Open("else");
                w.Line("// " + EmitContext.Int(block) + " rows of W × 2 samples = " + EmitContext.Int(lanes) + " accumulators (16 vector registers), one pair of samples after the other.");
                w.Open("for (int s = 0; s < " + EmitContext.Int(Tile) + "; s += 2)");
                w.Line("nint xa = s * ValueCount + " + EmitContext.Int(x.Offset) + ", xb = xa + ValueCount, za = s * ValueCount + " + EmitContext.Int(z.Offset) + " + o, zb = za + ValueCount;");
                RowBlockPass(w, c, layer, new[] { "xa", "xb" }, new[] { "za", "zb" }, width);
                w.Close();
                w.Close();
            }
            w.Close();
        }

        /// <summary>One pass of a row block over the samples whose x and z start at the given offsets (an even number of them).</summary>
        private static void RowBlockPass(SourceWriter w, EmitContext c, LayerPlan layer, string[] xs, string[] zs, VectorWidth width)
        {
            int lanes = VectorEmitter.Lanes(c), step = width.Lanes(c), fanIn = layer.FanIn, full = fanIn - fanIn % step, block = lanes / 2, n = xs.Length;
            string F = EmitContext.Int(fanIn);
            // Sample k's row r accumulates in acc[(k / 2)·lanes + (k % 2)·block + r]: each pair's accumulators, in order, sum to
            // [k: rows | k + 1: rows]. Four float samples at 512 bits: in acc[4r + k], whose sums SumSixteen gives as
            // [0: rows | 1: rows | 2: rows | 3: rows].
            bool sixteen = width == VectorWidth.Wide && !c.Spec.IsDouble && n == Tile;
            string Acc(int k, int r) => "acc" + EmitContext.Int(sixteen ? 4 * r + k : (k / 2) * lanes + (k % 2) * block + r);
            for (int a = 0; a < n * block; a++) w.Line(width.Of(c) + " acc" + EmitContext.Int(a) + " = " + width.Zero(c) + ";");
            w.Open("for (nint i = 0; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(step) + ")");
            for (int k = 0; k < n; k++) w.Line(width.Of(c) + " x" + EmitContext.Int(k) + " = " + width.Load("v", xs[k] + " + i") + ";");
            for (int r = 0; r < block; r++)
            {
                w.Line(width.Of(c) + " w" + EmitContext.Int(r) + " = " + width.Load("w", r == 0 ? "row + i" : "row + " + EmitContext.Int(r * fanIn) + " + i") + ";");
                for (int k = 0; k < n; k++) w.Line(Acc(k, r) + " = " + Simd.Math + ".MultiplyAdd(w" + EmitContext.Int(r) + ", x" + EmitContext.Int(k) + ", " + Acc(k, r) + ");");
            }
            w.Close();
            if (sixteen)
            {
                w.Line(VectorWidth.Wide.Of(c) + " sums = " + Simd.Math + ".SumSixteen(" + string.Join(", ", Enumerable.Range(0, 16).Select(a => "acc" + EmitContext.Int(a))) + ")"
                    + (layer.HasBias ? " + " + VectorWidth.Wide.Type + ".Create(bias, bias)" : "") + ";");
                for (int k = 0; k < n; k++)
                {
                    string half = VectorWidth.Wide.Type + (k < 2 ? ".GetLower(sums)" : ".GetUpper(sums)");
                    w.Line(Simd.Store128(Simd.Vector + (k % 2 == 0 ? ".GetLower(" : ".GetUpper(") + half + ")", "v", zs[k]));
                }
            }
            for (int p = 0; p < n / 2 && !sixteen; p++)
            {
                string sums = "sums" + EmitContext.Int(p);
                w.Line(Simd.Of(c) + " " + sums + " = " + Simd.Math + ".SumEach(" + string.Join(", ", Enumerable.Range(p * lanes, lanes).Select(a => width.Fold("acc" + EmitContext.Int(a)))) + ")" + (layer.HasBias ? " + bias" : "") + ";");
                w.Line(Simd.Store128(Simd.Vector + ".GetLower(" + sums + ")", "v", zs[2 * p]));
                w.Line(Simd.Store128(Simd.Vector + ".GetUpper(" + sums + ")", "v", zs[2 * p + 1]));
            }
            if (full == fanIn) return;
            w.Line("// the last " + EmitContext.Int(fanIn - full) + " inputs of each row, one at a time");
            w.Open("for (int r = 0; r < " + EmitContext.Int(block) + "; r++)");
            for (int k = 0; k < n; k++)
            {
                w.Line(c.T + " rest" + EmitContext.Int(k) + " = " + c.Lit(0) + ";");
                w.Line(VectorEmitter.RestOfRow(c, layer, full, "rest" + EmitContext.Int(k), "row + r * " + F, xs[k]));
                w.Line(Simd.Element("v", zs[k] + " + r") + " += rest" + EmitContext.Int(k) + ";");
            }
            w.Close();
        }

        /// <summary>
        /// Whether TrainBatch takes tiles two at a time and the first layer's parameter gradient for both at once (see
        /// <see cref="Pair"/>): the network trains, and its first layer is a dense one reading the network input on the
        /// 512-bit path (a loss folds only a softmax or sigmoid into itself, never a dense layer).
        /// </summary>
        public static bool PairApplies(EmitContext c)
        {
            if (c.Spec.Loss == LossKind.None || c.Spec.Optimizer == null) return false;
            LayerPlan first = c.Plan.Layers[0];
            return first.Kind == LayerKind.Dense && first.ReadsOnlyNetworkInput && VectorEmitter.Wide(c, first);
        }

        /// <summary>The field holding the first layer's δz for the first tile of a pair (Tile × its units).</summary>
        public const string Held = "_heldDeltas";

        /// <summary>
        /// BackwardPair0: the first layer's parameter gradient for a pair of tiles, eight samples. A tile's backward reads
        /// and writes the whole of gW once (the four samples' products summed first), which for a wide first layer is most
        /// of a batch's memory traffic (784→128: 401 KB from L2 and back per tile); the pair halves it. x comes from the
        /// inputs (the first tile's values were overwritten by the second's), δz of the first tile from <see cref="Held"/>,
        /// of the second from the tile's deltas. Each pass holds the eight samples' x for two vectors of inputs (x and y) and
        /// their δz[o] in 24 of AVX-512's 32 registers, so each broadcast serves two multiply-adds; an odd last vector of
        /// inputs takes a pass of its own. Called only where Vector512 is accelerated.
        /// </summary>
        public static void Pair(SourceWriter w, EmitContext c)
        {
            LayerPlan layer = c.Plan.Layers[0];
            VectorWidth width = VectorWidth.Wide;
            int lanes = width.Lanes(c), fanIn = layer.FanIn;
            string F = EmitContext.Int(fanIn);
            TensorPlan z = c.Tensor(layer.Output);
            w.Line();
            w.Line("// The first layer's parameter gradient for the eight samples of a pair of tiles: ∂l/∂W0 += Σₛ δzₛ·xₛᵀ and ∂l/∂b0 += Σₛ δzₛ,");
            w.Line("// x from the inputs, δz of the first tile held in " + Held + ", of the second in the tile's deltas. Vector512 only (see TrainBatch).");
            c.Optimized(w);
            w.Open("private void BackwardPair0(" + EmitContext.ReadOnlySpan + "<" + c.T + "> inputs)");
            w.Line(Simd.Ref(c, "g", "_gradients"));
            w.Line(Simd.Ref(c, "d", "_deltas"));
            w.Line(Simd.Ref(c, "h", Held));
            w.Line("ref " + c.T + " x = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(inputs);");
            string[] held = Enumerable.Range(0, Tile).Select(s => EmitContext.Int(s * layer.Units)).ToArray();
            string[] tile = Enumerable.Range(0, Tile).Select(s => In(s, z.Offset)).ToArray();
            if (layer.HasBias)
            {
                VectorEmitter.BiasGradient(w, c, layer, held, "h");
                VectorEmitter.BiasGradient(w, c, layer, tile);
            }
            int vectors = fanIn / lanes;
            if (vectors >= 2) w.Line("// Two vectors of inputs per pass (x and y), so each δz broadcast serves two multiply-adds" + (vectors % 2 == 1 ? "; the odd last vector alone." : "."));
            w.Line("nint i = 0;");
            if (vectors >= 2)
            {
                w.Open("for (; i + " + EmitContext.Int(2 * lanes) + " <= " + F + "; i += " + EmitContext.Int(2 * lanes) + ")");
                PairPass(w, c, layer, width, held, tile, true);
                w.Close();
            }
            if (vectors % 2 == 1)
            {
                w.Open();
                PairPass(w, c, layer, width, held, tile, false);
                w.Close();
            }
            w.Close();
        }

        /// <summary>
        /// One pass of BackwardPair0 over every row o, at inputs i (and i + lanes with <paramref name="twoVectors"/>): the
        /// eight samples' x (and y) in registers, their δz[o] broadcast once per row.
        /// </summary>
        private static void PairPass(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width, string[] held, string[] tile, bool twoVectors)
        {
            int lanes = width.Lanes(c), fanIn = layer.FanIn;
            string V = width.Of(c), L = EmitContext.Int(lanes);
            for (int s = 0; s < 2 * Tile; s++)
            {
                string at = (s == 0 ? "" : EmitContext.Int(s * fanIn) + " + ") + "i";
                w.Line(V + " x" + EmitContext.Int(s) + " = " + width.Load("x", at) + ";");
            }
            if (twoVectors)
            {
                for (int s = 0; s < 2 * Tile; s++) w.Line(V + " y" + EmitContext.Int(s) + " = " + width.Load("x", (s == 0 ? "" : EmitContext.Int(s * fanIn) + " + ") + "i + " + L) + ";");
            }
            w.Open("for (int o = 0; o < " + EmitContext.Int(layer.Units) + "; o++)");
            w.Line("nint at = " + EmitContext.Int(layer.WeightOffset) + " + o * " + EmitContext.Int(fanIn) + " + i;");
            for (int s = 0; s < 2 * Tile; s++)
            {
                string from = s < Tile ? width.Broadcast("h", "(nint)o + " + held[s]) : width.Broadcast("d", "(nint)o + " + tile[s - Tile]);
                w.Line(V + " d" + EmitContext.Int(s) + " = " + from + ";");
            }
            w.Line(GradientUpdate(width, 2 * Tile));
            if (twoVectors) w.Line(GradientUpdate(width, 2 * Tile, "y", "at + " + L));
            w.Close();
        }

        /// <summary>
        /// gW at <paramref name="at"/> += Σₛ dₛ·xₛ over <paramref name="samples"/> samples (xₛ named <paramref name="x"/>ₛ):
        /// their products summed first (d0·x0, then one FMA each), then added to gW, so gW is loaded and stored once per
        /// vector. Needs ref g.
        /// </summary>
        private static string GradientUpdate(VectorWidth width, int samples, string x = "x", string at = "at")
        {
            string sum = "d0 * " + x + "0";
            for (int s = 1; s < samples; s++) sum = Simd.Math + ".MultiplyAdd(d" + EmitContext.Int(s) + ", " + x + EmitContext.Int(s) + ", " + sum + ")";
            return width.Store(width.Load("g", at) + " + " + sum, "g", at);
        }

        private static void DenseBackward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            foreach (VectorWidth width in VectorEmitter.Widths(c, layer)) DenseBackward(w, c, layer, width);
        }

        /// <summary>One width's tile backward: x and δx of the four samples in vectors of <paramref name="width"/>.</summary>
        private static void DenseBackward(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width)
        {
            int lanes = width.Lanes(c), fanIn = layer.FanIn, units = layer.Units, full = fanIn - fanIn % lanes;
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string F = EmitContext.Int(fanIn), W = EmitContext.Int(layer.WeightOffset), U = EmitContext.Int(units);
            string[] samples = Enumerable.Range(0, Tile).Select(s => EmitContext.Int(s)).ToArray();
            // The network input's gradient is not exposed after a batch, so a layer reading the input skips δx.
            bool inputGradient = !layer.ReadsOnlyNetworkInput;
            string V = width.Of(c);
            w.Open("if (" + width.Accelerated + ")");
            w.Line("// SIMD over the tile, " + EmitContext.Int(lanes) + " inputs at a time: x and δx of the 4 samples stay in registers while");
            w.Line("// every row o of W streams past: gW[o] += Σₛ δzₛ[o]·xₛ" + (inputGradient ? " and δxₛ += δzₛ[o]·W[o]." : " (the network input needs no gradient here)."));
            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "g", "_gradients"));
            w.Line(Simd.Ref(c, "v", "_values"));
            w.Line(Simd.Ref(c, "d", "_deltas"));
            if (layer.HasBias) VectorEmitter.BiasGradient(w, c, layer, samples.Select((_, s) => In(s, z.Offset)).ToArray());
            w.Open("for (nint i = 0; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(lanes) + ")");
            for (int s = 0; s < Tile; s++)
            {
                w.Line(V + " x" + samples[s] + " = " + width.Load("v", In(s, x.Offset) + " + i") + ";");
                if (inputGradient) w.Line(V + " dx" + samples[s] + " = " + (layer.AssignsInputGradient ? width.Zero(c) : width.Load("d", In(s, x.Offset) + " + i")) + ";");
            }
            w.Open("for (int o = 0; o < " + U + "; o++)");
            w.Line("nint at = " + W + " + o * " + F + " + i;");
            if (inputGradient) w.Line(V + " wv = " + width.Load("w", "at") + ";");
            // (nint)o first: each sample's δz is then the same register plus a constant, one addressing mode per broadcast.
            for (int s = 0; s < Tile; s++) w.Line(V + " d" + samples[s] + " = " + width.Broadcast("d", "(nint)o + " + In(s, z.Offset)) + ";");
            w.Line(GradientUpdate(width, Tile));
            for (int s = 0; s < Tile && inputGradient; s++) w.Line("dx" + samples[s] + " = " + Simd.Math + ".MultiplyAdd(wv, d" + samples[s] + ", dx" + samples[s] + ");");
            w.Close();
            for (int s = 0; s < Tile && inputGradient; s++) w.Line(width.Store("dx" + samples[s], "d", In(s, x.Offset) + " + i"));
            w.Close();
            if (full < fanIn)
            {
                w.Line("// the last " + EmitContext.Int(fanIn - full) + " inputs, one at a time");
                w.Open("for (int s = 0; s < " + EmitContext.Int(Tile) + "; s++)");
                w.Line("int xs = s * ValueCount + " + EmitContext.Int(x.Offset) + ", zs = s * ValueCount + " + EmitContext.Int(z.Offset) + ";");
                w.Open("for (int i = " + EmitContext.Int(full) + "; i < " + F + "; i++)");
                if (inputGradient) w.Line(c.T + " sum = " + (layer.AssignsInputGradient ? c.Lit(0) : Simd.Element("d", "xs + i")) + ";");
                w.Open("for (int o = 0; o < " + U + "; o++)");
                w.Line(Simd.Element("g", W + " + o * " + F + " + i") + " += " + Simd.Element("d", "zs + o") + " * " + Simd.Element("v", "xs + i") + ";");
                if (inputGradient) w.Line("sum += " + Simd.Element("w", W + " + o * " + F + " + i") + " * " + Simd.Element("d", "zs + o") + ";");
                w.Close();
                if (inputGradient) w.Line(Simd.Element("d", "xs + i") + " = sum;");
                w.Close();
                w.Close();
            }
            w.Line("return;");
            w.Close();
        }
    }
}
