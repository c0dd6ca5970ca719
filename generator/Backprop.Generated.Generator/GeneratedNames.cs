using System.Collections.Generic;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// The member names the emitter writes into every network class. The parser reports a user member with one of
    /// these names instead of letting the generated code fail to compile.
    /// </summary>
    internal static class GeneratedNames
    {
        public static readonly HashSet<string> Members = new HashSet<string>
        {
            "InputSize", "OutputSize", "ParameterCount", "ValueCount", "Parameters", "Gradients", "InputGradient",
            "AccumulatedSamples", "Forward", "Backward", "BackwardFromOutputGradient", "Loss", "LossIsMean", "Step",
            "StepCount", "LearningRate", "ZeroGradients", "SetParameters", "TrainBatch", "InputJacobian",
            "ForwardFlops", "TrainingFlops", "CheckLength", "ThrowLengthMismatch", "BackwardUnchecked", "Tile", "ForwardBatch", "BackwardTileUnchecked", "RunForwardTile", "RunForward", "RunForwardChain", "RunForwardChainWide", "ComputeLoss", "TrainOneSample", "BackwardTilePair", "TransposeWeights", "Inference", "PackInputMajor", "ForwardInputMajor",
            "_parameters", "_gradients", "_values", "_deltas", "_accumulatedSamples", "_learningRate", "_stepCount",
            "_optimizerState", "_heldDeltas", "_transposedWeights", "_transposedFrom", "_inputMajorWeights", "_inputMajorStart", "_transposedFixed", "Architecture", "ArchitectureHash", "MermaidDiagram", "OptimizerName", "OptimizerState",
        };

        /// <summary>Prefixes of per-layer members (Layer2Weights, ForwardLayer2, ...).</summary>
        public static readonly string[] Prefixes = { "Layer", "ForwardLayer", "BackwardLayer", "InputGradientLayer", "ForwardTile", "BackwardTile", "BackwardPair", "ForwardTransposed", "ForwardInputMajor", "ParameterGradientLayer", "UpdateLayer" };

        public static bool IsReserved(string name)
        {
            if (Members.Contains(name)) return true;
            foreach (string prefix in Prefixes)
            {
                if (name.Length > prefix.Length && name.StartsWith(prefix, System.StringComparison.Ordinal) && char.IsDigit(name[prefix.Length])) return true;
            }
            return false;
        }
    }
}
