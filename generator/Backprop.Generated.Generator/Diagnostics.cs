using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Backprop.Generated.Generator
{
    /// <summary>Every diagnostic the generator reports. Each message says what is wrong and how to fix it.</summary>
    public static class Diagnostics
    {
        private const string Category = "Backprop.Generated";
        private const string HelpBase = "https://github.com/backprop-generated/backprop-generated/blob/main/docs/diagnostics.md#";

        private static DiagnosticDescriptor Error(string id, string title, string message)
            => new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, true, helpLinkUri: HelpBase + id.ToLowerInvariant());

        private static DiagnosticDescriptor Warning(string id, string title, string message)
            => new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, true, helpLinkUri: HelpBase + id.ToLowerInvariant());

        /// <summary>BPG001: the class is not partial.</summary>
        public static readonly DiagnosticDescriptor NotPartial = Error("BPG001", "Network class must be partial",
            "The network class '{0}' must be declared partial so the generator can add its members: write 'partial class {0}'");

        /// <summary>BPG002: the attribute is on a struct, record or interface.</summary>
        public static readonly DiagnosticDescriptor NotAClass = Error("BPG002", "Network must be a class",
            "'{0}' is a {1}; [Network] goes on a partial class: declare it as 'partial class {0}'");

        /// <summary>BPG003: the class is nested in another type.</summary>
        public static readonly DiagnosticDescriptor Nested = Error("BPG003", "Network class must not be nested",
            "The network class '{0}' is nested inside '{1}'; declare it directly in a namespace");

        /// <summary>BPG004: the class is generic.</summary>
        public static readonly DiagnosticDescriptor Generic = Error("BPG004", "Network class must not be generic",
            "The network class '{0}' has type parameters; remove them (the precision is chosen with [Network(Precision.Single)] or [Network(Precision.Double)])");

        /// <summary>BPG005: the class is static.</summary>
        public static readonly DiagnosticDescriptor Static = Error("BPG005", "Network class must not be static",
            "The network class '{0}' is static, but a network keeps its parameters in instance fields; remove 'static'");

        /// <summary>BPG006: the precision is not a known value.</summary>
        public static readonly DiagnosticDescriptor UnknownPrecision = Error("BPG006", "Unknown precision",
            "The precision {0} is not known; use Precision.Single or Precision.Double");

        /// <summary>BPG007: a user member has a name the generator writes.</summary>
        public static readonly DiagnosticDescriptor MemberConflict = Error("BPG007", "Member conflicts with a generated member",
            "'{0}' declares '{1}', which the generator writes for every network; {2}");

        /// <summary>BPG009: the class has the name of a generated member.</summary>
        public static readonly DiagnosticDescriptor ClassNameConflict = Error("BPG009", "Class named like a generated member",
            "The network class is named '{0}', the name of a member the generator writes into it (a member cannot share its class's name); rename the class, for example to '{0}Network'");

        /// <summary>BPG008: the network attributes are on more than one partial declaration.</summary>
        public static readonly DiagnosticDescriptor SplitDeclaration = Error("BPG008", "Layers declared on several partial declarations",
            "The layers of '{0}' are spread over several partial declarations, so their order is not defined; put [Network] and every layer attribute on one declaration");

        /// <summary>BPG025: the class has a primary constructor.</summary>
        public static readonly DiagnosticDescriptor PrimaryConstructor = Error("BPG025", "Primary constructor on a network class",
            "The network class '{0}' has a primary constructor, but the generator writes its constructors {0}() and {0}(int seed); remove the parameter list");

        /// <summary>BPG026: an inherited member has a name the generator writes.</summary>
        public static readonly DiagnosticDescriptor InheritedMemberConflict = Error("BPG026", "Inherited member conflicts with a generated member",
            "'{0}' inherits '{1}' from '{2}', and the generated '{1}' would hide it; rename it in '{2}', or do not derive from '{2}'");

        /// <summary>BPG027: the base class cannot be constructed without arguments.</summary>
        public static readonly DiagnosticDescriptor BaseConstructor = Error("BPG027", "Base class without a parameterless constructor",
            "The base class '{1}' of '{0}' has no accessible parameterless constructor, which the generated constructors call; add one to '{1}', or do not derive from it");

        /// <summary>BPG028: the class is file-local.</summary>
        public static readonly DiagnosticDescriptor FileLocal = Error("BPG028", "File-local network class",
            "The network class '{0}' is declared 'file', but its generated half lives in another file; remove 'file'");

        /// <summary>BPG010: no input layer.</summary>
        public static readonly DiagnosticDescriptor MissingInput = Error("BPG010", "Network has no input",
            "The network '{0}' has no [Input]; add one before the first layer, for example [Input(4)] for 4 features");

        /// <summary>BPG011: more than one input layer.</summary>
        public static readonly DiagnosticDescriptor DuplicateInput = Error("BPG011", "Network has more than one input",
            "The network '{0}' has a second [Input]; keep exactly one, before the first layer (a second input tensor is not supported)");

        /// <summary>BPG012: a layer comes before the input.</summary>
        public static readonly DiagnosticDescriptor InputNotFirst = Error("BPG012", "Layer before the input",
            "[{0}] comes before [Input]; move [Input] above every layer");

        /// <summary>BPG013: a size is zero or negative.</summary>
        public static readonly DiagnosticDescriptor NonPositiveSize = Error("BPG013", "Size must be positive",
            "[{0}] has size {1}; give it a size of at least 1, for example [{0}(1)]");

        /// <summary>BPG014: no layer after the input.</summary>
        public static readonly DiagnosticDescriptor NoLayers = Error("BPG014", "Network has no layers",
            "The network '{0}' has no layers after its input; add at least one, for example [Dense(1)]");

        /// <summary>BPG015: a layer after the loss.</summary>
        public static readonly DiagnosticDescriptor LayerAfterLoss = Error("BPG015", "Layer after the loss",
            "[{0}] comes after the loss [{1}], but the loss must follow the last layer; move [{1}] below [{0}]");

        /// <summary>BPG016: two losses.</summary>
        public static readonly DiagnosticDescriptor DuplicateLoss = Error("BPG016", "More than one loss",
            "The network already has the loss [{0}]; remove [{1}] or [{0}], because a network has one loss");

        /// <summary>BPG017: two optimizers.</summary>
        public static readonly DiagnosticDescriptor DuplicateOptimizer = Error("BPG017", "More than one optimizer",
            "The network already has the optimizer [{0}]; remove [{1}] or [{0}], because a network has one optimizer");

        /// <summary>BPG018: softmax followed by a loss that applies softmax itself.</summary>
        public static readonly DiagnosticDescriptor SoftmaxBeforeLogitsLoss = Error("BPG018", "Softmax before a loss on logits",
            "[SoftmaxCrossEntropy] applies softmax itself and expects logits, but the last layer is [Softmax], so softmax would be applied twice and the gradients would be wrong; remove [Softmax], or use [CrossEntropy], which takes probabilities");

        /// <summary>BPG019: the last layer does not produce what the loss expects.</summary>
        public static readonly DiagnosticDescriptor LossInputMismatch = Warning("BPG019", "Last layer does not suit the loss",
            "[{0}] expects {1}, but the last layer is [{2}]; {3}");

        /// <summary>BPG020: an invalid hyperparameter.</summary>
        public static readonly DiagnosticDescriptor InvalidHyperparameter = Error("BPG020", "Invalid hyperparameter",
            "{0} of [{1}] is {2}, but it must be {3}; change {0}");

        /// <summary>BPG021: gradient clipping without an optimizer.</summary>
        public static readonly DiagnosticDescriptor ClipWithoutOptimizer = Warning("BPG021", "Clipping without an optimizer",
            "[ClipGradNorm] clips gradients inside Step, which is only generated with an optimizer; add one (for example [Sgd(LearningRate = 0.1)]) or remove [ClipGradNorm]");

        /// <summary>BPG022: more than one clipping attribute.</summary>
        public static readonly DiagnosticDescriptor DuplicateClip = Error("BPG022", "More than one gradient clipping",
            "The network already clips the gradient norm; keep one [ClipGradNorm]");

        /// <summary>BPG030: a merge reads a name no layer has.</summary>
        public static readonly DiagnosticDescriptor UnknownName = Error("BPG030", "Unknown layer name",
            "[{0}(\"{1}\")] reads '{1}', but no layer has that name; give an earlier layer Name = \"{1}\", or read \"{2}\" for the input");

        /// <summary>BPG031: a merge reads a layer that comes after it.</summary>
        public static readonly DiagnosticDescriptor ForwardReference = Error("BPG031", "Merge reads a later layer",
            "[{0}(\"{1}\")] reads '{1}', which {2}; a merge can only read the input or an earlier layer's output: move the layer named '{1}' above it, or read another name");

        /// <summary>BPG032: two layers share a name.</summary>
        public static readonly DiagnosticDescriptor DuplicateName = Error("BPG032", "Duplicate layer name",
            "The name '{0}' is already used by an earlier layer or by the input; give each layer a unique name");

        /// <summary>BPG033: an element-wise add of tensors of different widths.</summary>
        public static readonly DiagnosticDescriptor AddWidthMismatch = Error("BPG033", "Add of different widths",
            "[Add(\"{0}\")] adds '{0}' of width {1} to the current tensor of width {2}; both must have the same width (use [Concat] to join tensors of different widths)");

        /// <summary>BPG034: a mask of the wrong shape.</summary>
        public static readonly DiagnosticDescriptor MaskWrongShape = Error("BPG034", "Mask has the wrong shape",
            "The mask of [Dense({0})] has {1}, but it needs {3} of {2} characters (one row per output, one character per input); write {3} of {2} characters");

        /// <summary>BPG035: a mask row with no connection.</summary>
        public static readonly DiagnosticDescriptor MaskRowEmpty = Error("BPG035", "Mask leaves an output unconnected",
            "Row {0} of the mask of [Dense({1})] (output {2}, counting from 0) connects no input, so that output would not depend on the input; connect at least one input in that row");

        /// <summary>BPG036: a mask with a character it does not understand.</summary>
        public static readonly DiagnosticDescriptor MaskInvalidCharacter = Error("BPG036", "Mask has an invalid character",
            "The mask of [Dense({0})] contains '{1}'; write 1 or x for a connection, 0 or . for none, and separate rows with spaces, ',', ';' or '|'");

        /// <summary>BPG023: a softmax over a single output, which makes the loss constant.</summary>
        public static readonly DiagnosticDescriptor SingleOutputSoftmax = Warning("BPG023", "Softmax over one output",
            "[{0}] applies softmax over a single output, which is always 1, so the loss is constant and the network cannot learn; for two classes use [Dense(1)] [Sigmoid] [BinaryCrossEntropy], or give the last layer one output per class");

        /// <summary>BPG024: the network is too large to lay out in arrays.</summary>
        public static readonly DiagnosticDescriptor TooLarge = Error("BPG024", "Network too large",
            "[{0}] brings the network to {1} {2}, more than it can hold ({3}, so that its largest buffer fits in a .NET array); make the layers smaller");

        /// <summary>BPG037: a name that is not an identifier.</summary>
        public static readonly DiagnosticDescriptor InvalidName = Error("BPG037", "Invalid layer name",
            "The name '{0}' is not a valid layer name; use letters, digits and '_', starting with a letter or '_' (for example \"h1\")");

        /// <summary>BPG099: the generator itself failed.</summary>
        public static readonly DiagnosticDescriptor InternalError = Error("BPG099", "Generator failure",
            "Backprop.Generated could not generate '{0}' because of an internal error ({1}); please report it with the declaration");

        /// <summary>Every descriptor, by ID.</summary>
        public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = BuildIndex(
            NotPartial, NotAClass, Nested, Generic, Static, UnknownPrecision, MemberConflict, SplitDeclaration, ClassNameConflict,
            PrimaryConstructor, InheritedMemberConflict, BaseConstructor, FileLocal,
            MissingInput, DuplicateInput, InputNotFirst, NonPositiveSize, NoLayers, LayerAfterLoss, DuplicateLoss,
            DuplicateOptimizer, SoftmaxBeforeLogitsLoss, LossInputMismatch, InvalidHyperparameter, ClipWithoutOptimizer,
            DuplicateClip, UnknownName, ForwardReference, DuplicateName, AddWidthMismatch, MaskWrongShape, MaskRowEmpty,
            MaskInvalidCharacter, SingleOutputSoftmax, TooLarge, InvalidName, InternalError);

        private static IReadOnlyDictionary<string, DiagnosticDescriptor> BuildIndex(params DiagnosticDescriptor[] descriptors)
        {
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (DiagnosticDescriptor d in descriptors) index.Add(d.Id, d);
            return index;
        }
    }
}
