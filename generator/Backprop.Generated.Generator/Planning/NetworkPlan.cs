using System.Collections.Generic;

namespace Backprop.Generated.Generator
{
    /// <summary>A vector a sample flows through: the input or one layer's output, stored at <see cref="Offset"/> of the values buffer.</summary>
    internal sealed class TensorPlan
    {
        public TensorPlan(int index, int width, int offset, string local, string? userName)
        {
            Index = index;
            Width = width;
            Offset = offset;
            Local = local;
            UserName = userName;
        }

        public int Index { get; }
        public int Width { get; }
        public int Offset { get; }

        /// <summary>The local name in generated code: x for the input, z for dense outputs, a for activations, m for merges.</summary>
        public string Local { get; }

        /// <summary>The name the user gave the tensor, if any.</summary>
        public string? UserName { get; }

        /// <summary>The name of this tensor's gradient in generated code.</summary>
        public string DeltaLocal => "d" + Local;

        /// <summary>How comments refer to it: the local, and the user's name when there is one.</summary>
        public string Display => UserName is null || UserName == Local ? Local : Local + " (" + UserName + ")";
    }

    /// <summary>One layer with everything the emitter needs: which tensors it reads and writes, and where its parameters are.</summary>
    internal sealed class LayerPlan
    {
        public LayerPlan(int index, LayerSpec spec, int input, int other, int output)
        {
            Index = index;
            Spec = spec;
            Input = input;
            Other = other;
            Output = output;
        }

        public int Index { get; }
        public LayerSpec Spec { get; }
        public LayerKind Kind => Spec.Kind;

        /// <summary>The tensor the layer reads: the previous layer's output (or the input).</summary>
        public int Input { get; }

        /// <summary>The named tensor a merge reads; -1 for other layers.</summary>
        public int Other { get; }

        public int Output { get; }

        // Dense layers only.
        public int FanIn { get; set; }
        public int Units { get; set; }
        public int WeightOffset { get; set; }
        public int BiasOffset { get; set; } = -1;
        public bool HasBias => BiasOffset >= 0;

        /// <summary>Connectivity, [units][fanIn], or null when every input is connected.</summary>
        public bool[][]? Mask { get; set; }

        /// <summary>The number of weights that take part: units·fanIn, less the masked ones.</summary>
        public int Connections { get; set; }

        /// <summary>Whether backward assigns (first writer) or adds to the gradient of <see cref="Input"/>.</summary>
        public bool AssignsInputGradient { get; set; }

        /// <summary>Likewise for <see cref="Other"/>.</summary>
        public bool AssignsOtherGradient { get; set; }

        /// <summary>
        /// Whether the layer reads only the network input (tensor 0). Training never needs the input's gradient, so its
        /// training backward computes at most the layer's own parameter gradients: PyTorch likewise leaves x.grad alone
        /// unless the input requires it.
        /// </summary>
        public bool ReadsOnlyNetworkInput => Input == 0 && Other < 0;
    }

    /// <summary>How the loss gradient enters the network.</summary>
    internal enum LossFusion
    {
        /// <summary>The loss writes ∂l/∂ŷ into the output tensor's gradient.</summary>
        None,

        /// <summary>Softmax then cross-entropy: the loss writes ∂l/∂z = p·Σt − t below the softmax, which is skipped.</summary>
        SoftmaxCrossEntropy,

        /// <summary>Sigmoid then binary cross-entropy: the loss writes ∂l/∂z = (p − t)/K below the sigmoid, which is skipped.</summary>
        SigmoidBinaryCrossEntropy,
    }

    /// <summary>The layout of a network: tensors, layers, parameter offsets, and counts.</summary>
    internal sealed class NetworkPlan
    {
        public NetworkPlan(IReadOnlyList<TensorPlan> tensors, IReadOnlyList<LayerPlan> layers, int parameterCount, LossFusion fusion)
        {
            Tensors = tensors;
            Layers = layers;
            ParameterCount = parameterCount;
            Fusion = fusion;
        }

        public IReadOnlyList<TensorPlan> Tensors { get; }
        public IReadOnlyList<LayerPlan> Layers { get; }
        public int ParameterCount { get; }
        public LossFusion Fusion { get; }

        public TensorPlan InputTensor => Tensors[0];
        public TensorPlan OutputTensor => Tensors[Tensors.Count - 1];
        public int InputSize => InputTensor.Width;
        public int OutputSize => OutputTensor.Width;

        public int ValueCount
        {
            get
            {
                TensorPlan last = Tensors[Tensors.Count - 1];
                return last.Offset + last.Width;
            }
        }

        /// <summary>
        /// Whether the first layer is the network input's only reader (no later layer, merge included, reads tensor 0): a
        /// kernel of that layer may then read the caller's input where it is, without copying it into the values buffer.
        /// </summary>
        public bool InputReadOnlyByFirstLayer
        {
            get
            {
                if (!Layers[0].ReadsOnlyNetworkInput) return false;
                for (int i = 1; i < Layers.Count; i++)
                {
                    if (Layers[i].Input == 0 || Layers[i].Other == 0) return false;
                }
                return true;
            }
        }

        /// <summary>The layer whose backward the fused loss replaces, or null.</summary>
        public LayerPlan? FusedLayer => Fusion == LossFusion.None ? null : Layers[Layers.Count - 1];

        /// <summary>Floating-point operations of one forward pass: a multiply-add counts 2, a bias add or an activation 1 per element.</summary>
        public long ForwardFlops
        {
            get
            {
                long flops = 0;
                foreach (LayerPlan layer in Layers)
                {
                    flops += layer.Kind == LayerKind.Dense
                        ? 2L * layer.Connections + (layer.HasBias ? layer.Units : 0)
                        : layer.Kind == LayerKind.Concat ? 0 : Tensors[layer.Output].Width;
                }
                return flops;
            }
        }

        /// <summary>
        /// Floating-point operations of one training sample, forward and backward: each dense layer adds 2 per connection
        /// for its weight gradient and 2 for its input gradient, plus its bias; other layers 2 per element.
        /// </summary>
        public long BackwardFlops
        {
            get
            {
                long flops = 0;
                foreach (LayerPlan layer in Layers)
                {
                    flops += layer.Kind == LayerKind.Dense
                        ? 4L * layer.Connections + (layer.HasBias ? layer.Units : 0)
                        : layer.Kind == LayerKind.Concat ? 0 : 2L * Tensors[layer.Output].Width;
                }
                return flops;
            }
        }
    }

    /// <summary>A problem the planner found in a spec, against one layer (by its index in the spec's layers).</summary>
    internal sealed class PlanIssue
    {
        public PlanIssue(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int layerIndex, params string[] arguments)
        {
            Descriptor = descriptor;
            LayerIndex = layerIndex;
            Arguments = arguments;
        }

        public Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor { get; }
        public int LayerIndex { get; }
        public string[] Arguments { get; }
    }
}
