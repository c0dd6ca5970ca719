using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Turns an attributed class into a <see cref="NetworkSpec"/> and its diagnostics. Reads attributes in source order;
    /// checks the class's shape, the layer order and every size and setting; then lets the planner check the graph.
    /// </summary>
    internal static class NetworkParser
    {
        private const string Ns = "Backprop.Generated.";

        private static readonly Dictionary<string, LayerKind> LayerKinds = new Dictionary<string, LayerKind>
        {
            [Ns + "DenseAttribute"] = LayerKind.Dense,
            [Ns + "ReLUAttribute"] = LayerKind.ReLU,
            [Ns + "LeakyReLUAttribute"] = LayerKind.LeakyReLU,
            [Ns + "ELUAttribute"] = LayerKind.ELU,
            [Ns + "SigmoidAttribute"] = LayerKind.Sigmoid,
            [Ns + "TanhAttribute"] = LayerKind.Tanh,
            [Ns + "IdentityAttribute"] = LayerKind.Identity,
            [Ns + "SoftmaxAttribute"] = LayerKind.Softmax,
            [Ns + "GELUAttribute"] = LayerKind.GELU,
            [Ns + "SoftplusAttribute"] = LayerKind.Softplus,
            [Ns + "SiLUAttribute"] = LayerKind.SiLU,
            [Ns + "AddAttribute"] = LayerKind.Add,
            [Ns + "ConcatAttribute"] = LayerKind.Concat,
        };

        private static readonly Dictionary<string, LossKind> LossKinds = new Dictionary<string, LossKind>
        {
            [Ns + "MeanSquaredErrorAttribute"] = LossKind.MeanSquaredError,
            [Ns + "SumSquaredErrorAttribute"] = LossKind.SumSquaredError,
            [Ns + "BinaryCrossEntropyAttribute"] = LossKind.BinaryCrossEntropy,
            [Ns + "CrossEntropyAttribute"] = LossKind.CrossEntropy,
            [Ns + "SoftmaxCrossEntropyAttribute"] = LossKind.SoftmaxCrossEntropy,
        };

        private static readonly Dictionary<string, OptimizerKind> OptimizerKinds = new Dictionary<string, OptimizerKind>
        {
            [Ns + "SgdAttribute"] = OptimizerKind.Sgd,
            [Ns + "AdamAttribute"] = OptimizerKind.Adam,
            [Ns + "AdamWAttribute"] = OptimizerKind.AdamW,
            [Ns + "RmsPropAttribute"] = OptimizerKind.RmsProp,
        };

        private const string InputAttribute = Ns + "InputAttribute";
        private const string ClipAttribute = Ns + "ClipGradNormAttribute";
        internal const string NetworkAttribute = Ns + "NetworkAttribute";

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            LocationInfo? networkLocation = LocationInfo.From(context.Attributes[0].ApplicationSyntaxReference);
            var diagnostics = new List<DiagnosticInfo>();
            try
            {
                NetworkSpec? spec = ParseCore(context, symbol, networkLocation, diagnostics, cancellationToken);
                bool failed = diagnostics.Any(d => Diagnostics.ById[d.Id].DefaultSeverity == DiagnosticSeverity.Error);
                return new ParseResult(failed ? null : spec, diagnostics.ToEquatableArray());
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                diagnostics.Add(Make(Diagnostics.InternalError, networkLocation, symbol.Name, ex.GetType().Name + ": " + ex.Message));
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }
        }

        private static NetworkSpec? ParseCore(GeneratorAttributeSyntaxContext context, INamedTypeSymbol symbol, LocationInfo? networkLocation,
            List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            int errorsBefore = diagnostics.Count;
            CheckClassShape(context, symbol, networkLocation, diagnostics);
            if (diagnostics.Count > errorsBefore) return null;

            // Attributes in source order. Every one must sit on the declaration that carries [Network].
            SyntaxNode target = context.TargetNode;
            var attributes = new List<AttributeData>();
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                string? name = attribute.AttributeClass?.ToDisplayString();
                if (name is null || !name.StartsWith(Ns, StringComparison.Ordinal) || name == NetworkAttribute) continue;
                SyntaxReference? reference = attribute.ApplicationSyntaxReference;
                if (reference is null) continue;
                if (reference.SyntaxTree != target.SyntaxTree || !target.Span.Contains(reference.Span))
                {
                    diagnostics.Add(Make(Diagnostics.SplitDeclaration, networkLocation, symbol.Name));
                    return null;
                }
                attributes.Add(attribute);
            }
            attributes.Sort((a, b) => a.ApplicationSyntaxReference!.Span.Start.CompareTo(b.ApplicationSyntaxReference!.Span.Start));

            bool isDouble = false;
            TypedConstant precisionArgument = context.Attributes[0].ConstructorArguments.FirstOrDefault();
            if (!precisionArgument.IsNull && precisionArgument.Value is int precision)
            {
                if (precision != 0 && precision != 1)
                {
                    diagnostics.Add(Make(Diagnostics.UnknownPrecision, networkLocation, NumberText.Int(precision)));
                }
                isDouble = precision == 1;
            }

            int defaultInit = IntNamed(context.Attributes[0], "Init") ?? 0;
            if (defaultInit < 0 || defaultInit > MaxInitializer)
            {
                diagnostics.Add(Make(Diagnostics.InvalidHyperparameter, networkLocation, "Init", "Network", NumberText.Int(defaultInit), "an Initializer value"));
            }
            bool scalarNetwork = (IntNamed(context.Attributes[0], "Kernel") ?? 0) == 1;
            int inputSize = 0;
            string inputName = "input";
            bool sawInput = false;
            var layers = new List<LayerSpec>();
            var layerLocations = new List<LocationInfo?>();
            LossKind loss = LossKind.None;
            string? lossName = null;
            LocationInfo? lossLocation = null;
            OptimizerSpec? optimizer = null;
            string? optimizerName = null;
            double clip = 0;
            bool sawClip = false;
            // With no [Input] at all, BPG010 says so; "move [Input] above" would point at nothing.
            bool reportedInputNotFirst = !attributes.Any(a => a.AttributeClass!.ToDisplayString() == InputAttribute);

            foreach (AttributeData attribute in attributes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string fullName = attribute.AttributeClass!.ToDisplayString();
                string shortName = ShortName(attribute);
                LocationInfo? location = LocationInfo.From(attribute.ApplicationSyntaxReference);

                if (fullName == InputAttribute)
                {
                    if (sawInput)
                    {
                        diagnostics.Add(Make(Diagnostics.DuplicateInput, location, symbol.Name));
                        continue;
                    }
                    sawInput = true;
                    inputSize = IntArgument(attribute, 0);
                    if (inputSize <= 0) diagnostics.Add(Make(Diagnostics.NonPositiveSize, location, "Input", NumberText.Int(inputSize)));
                    inputName = StringNamed(attribute, "Name") ?? "input";
                    if (!IsValidName(inputName)) diagnostics.Add(Make(Diagnostics.InvalidName, location, inputName));
                }
                else if (LayerKinds.TryGetValue(fullName, out LayerKind kind))
                {
                    if (!sawInput && !reportedInputNotFirst)
                    {
                        diagnostics.Add(Make(Diagnostics.InputNotFirst, location, shortName));
                        reportedInputNotFirst = true;
                    }
                    if (lossName != null) diagnostics.Add(Make(Diagnostics.LayerAfterLoss, location, shortName, lossName));
                    LayerSpec? layer = ParseLayer(kind, attribute, shortName, location, diagnostics, defaultInit);
                    if (layer != null && (scalarNetwork || (IntNamed(attribute, "Kernel") ?? 0) == 1)) layer = layer with { Scalar = true };
                    if (layer != null)
                    {
                        layers.Add(layer);
                        layerLocations.Add(location);
                    }
                }
                else if (LossKinds.TryGetValue(fullName, out LossKind lossKind))
                {
                    if (lossName != null)
                    {
                        diagnostics.Add(Make(Diagnostics.DuplicateLoss, location, lossName, shortName));
                        continue;
                    }
                    loss = lossKind;
                    lossName = shortName;
                    lossLocation = location;
                }
                else if (OptimizerKinds.TryGetValue(fullName, out OptimizerKind optimizerKind))
                {
                    if (optimizerName != null)
                    {
                        diagnostics.Add(Make(Diagnostics.DuplicateOptimizer, location, optimizerName, shortName));
                        continue;
                    }
                    optimizerName = shortName;
                    optimizer = OptimizerParser.Parse(optimizerKind, attribute, shortName, location, diagnostics);
                }
                else if (fullName == ClipAttribute)
                {
                    if (sawClip)
                    {
                        diagnostics.Add(Make(Diagnostics.DuplicateClip, location));
                        continue;
                    }
                    sawClip = true;
                    clip = DoubleArgument(attribute, 0);
                    if (!(clip > 0) || double.IsInfinity(clip))
                    {
                        diagnostics.Add(Make(Diagnostics.InvalidHyperparameter, location, "MaxNorm", "ClipGradNorm", NumberText.Double(clip), "a positive, finite number"));
                    }
                    if (optimizer is null && !attributes.Any(a => OptimizerKinds.ContainsKey(a.AttributeClass!.ToDisplayString())))
                    {
                        diagnostics.Add(Make(Diagnostics.ClipWithoutOptimizer, location));
                    }
                }
            }

            if (!sawInput)
            {
                diagnostics.Add(Make(Diagnostics.MissingInput, networkLocation, symbol.Name));
            }
            else if (layers.Count == 0 && !diagnostics.Any(d => d.Id == Diagnostics.InputNotFirst.Id))
            {
                diagnostics.Add(Make(Diagnostics.NoLayers, networkLocation, symbol.Name));
            }

            CheckMemberConflicts(symbol, diagnostics);
            if (!isDouble) CheckFloatRange(layers, layerLocations, optimizer, optimizerName, attributes, diagnostics);
            if (layers.Count > 0) CheckLossSuitsLastLayer(loss, lossName, lossLocation, layers, diagnostics);
            if (diagnostics.Any(d => Diagnostics.ById[d.Id].DefaultSeverity == DiagnosticSeverity.Error)) return null;

            string? ns = symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString();
            var spec = new NetworkSpec(ns, symbol.Name, HintName(ns, symbol.Name), isDouble, inputSize, inputName,
                layers.ToEquatableArray(), loss, optimizer, sawClip ? clip : 0, symbol.IsAbstract);

            // The graph: names, merge widths and masks. The planner knows the shapes; we know where each layer is.
            List<PlanIssue> issues = NetworkPlanner.Validate(spec);
            foreach (PlanIssue issue in issues)
            {
                diagnostics.Add(new DiagnosticInfo(issue.Descriptor.Id, issue.Arguments.ToEquatableArray(), layerLocations[issue.LayerIndex]));
            }
            if (issues.Count == 0 && lossName != null && NetworkPlanner.Plan(spec).OutputSize == 1
                && (loss == LossKind.SoftmaxCrossEntropy || (loss == LossKind.CrossEntropy && layers[layers.Count - 1].Kind == LayerKind.Softmax)))
            {
                diagnostics.Add(Make(Diagnostics.SingleOutputSoftmax, lossLocation, lossName));
            }
            return spec;
        }

        /// <summary>The largest value of the runtime's Initializer enum (Zeros).</summary>
        private const int MaxInitializer = 5;

        private static LayerSpec? ParseLayer(LayerKind kind, AttributeData attribute, string shortName, LocationInfo? location, List<DiagnosticInfo> diagnostics, int defaultInit)
        {
            string? name = StringNamed(attribute, "Name");
            if (name != null && !IsValidName(name)) diagnostics.Add(Make(Diagnostics.InvalidName, location, name));
            switch (kind)
            {
                case LayerKind.Dense:
                    int units = IntArgument(attribute, 0);
                    if (units <= 0) diagnostics.Add(Make(Diagnostics.NonPositiveSize, location, "Dense", NumberText.Int(units)));
                    bool bias = BoolNamed(attribute, "Bias") ?? true;
                    string? mask = StringNamed(attribute, "Mask");
                    string? normalized = null;
                    if (mask != null)
                    {
                        normalized = MaskText.Normalize(mask, out char bad);
                        if (normalized is null) diagnostics.Add(Make(Diagnostics.MaskInvalidCharacter, location, NumberText.Int(units), bad.ToString()));
                    }
                    int init = IntNamed(attribute, "Init") ?? defaultInit;
                    if (init < 0 || init > MaxInitializer) diagnostics.Add(Make(Diagnostics.InvalidHyperparameter, location, "Init", shortName, NumberText.Int(init), "an Initializer value"));
                    return new LayerSpec(kind, units, bias, 0, name, null, normalized, init);
                case LayerKind.LeakyReLU:
                case LayerKind.ELU:
                    double value = attribute.ConstructorArguments.Length > 0 ? DoubleArgument(attribute, 0) : (kind == LayerKind.LeakyReLU ? 0.01 : 1.0);
                    if (double.IsNaN(value) || double.IsInfinity(value))
                    {
                        diagnostics.Add(Make(Diagnostics.InvalidHyperparameter, location, kind == LayerKind.ELU ? "Alpha" : "Slope", shortName, NumberText.Double(value), "a finite number"));
                    }
                    return new LayerSpec(kind, 0, false, value, name, null, null);
                case LayerKind.Add:
                case LayerKind.Concat:
                    string from = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
                    return new LayerSpec(kind, 0, false, 0, name, from, null);
                default:
                    return new LayerSpec(kind, 0, false, 0, name, null, null);
            }
        }

        private static void CheckClassShape(GeneratorAttributeSyntaxContext context, INamedTypeSymbol symbol, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            if (context.TargetNode is RecordDeclarationSyntax)
            {
                diagnostics.Add(Make(Diagnostics.NotAClass, location, symbol.Name, "record"));
                return;
            }
            if (symbol.ContainingType != null)
            {
                diagnostics.Add(Make(Diagnostics.Nested, location, symbol.Name, symbol.ContainingType.Name));
            }
            if (symbol.IsGenericType)
            {
                diagnostics.Add(Make(Diagnostics.Generic, location, symbol.Name));
            }
            if (symbol.IsStatic)
            {
                diagnostics.Add(Make(Diagnostics.Static, location, symbol.Name));
            }
            if (GeneratedNames.IsReserved(symbol.Name))
            {
                diagnostics.Add(Make(Diagnostics.ClassNameConflict, location, symbol.Name));
            }
            if (context.TargetNode is ClassDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(Make(Diagnostics.NotPartial, location, symbol.Name));
            }
            if (symbol.IsFileLocal)
            {
                diagnostics.Add(Make(Diagnostics.FileLocal, location, symbol.Name));
            }
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null })
                {
                    diagnostics.Add(Make(Diagnostics.PrimaryConstructor, location, symbol.Name));
                    break;
                }
            }
            CheckBaseClass(symbol, location, diagnostics);
        }

        // The generated members would hide inherited ones (CS0108, an error under warnings-as-errors), and the generated
        // constructors call the base class's constructor without arguments: one whose parameters are all optional or params
        // will do. (Another assembly's internal members are not in its metadata as the compiler imports it, so they count
        // for neither.)
        private static void CheckBaseClass(INamedTypeSymbol symbol, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            INamedTypeSymbol? baseType = symbol.BaseType;
            if (baseType is null || baseType.SpecialType == SpecialType.System_Object) return;
            bool constructible = baseType.InstanceConstructors.Any(c => c.Parameters.All(p => p.IsOptional || p.IsParams) && c.DeclaredAccessibility != Accessibility.Private);
            if (!constructible) diagnostics.Add(Make(Diagnostics.BaseConstructor, location, symbol.Name, baseType.ToDisplayString()));
            var reported = new HashSet<string>();
            for (INamedTypeSymbol? type = baseType; type != null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
            {
                foreach (ISymbol member in type.GetMembers())
                {
                    if (member.IsImplicitlyDeclared || member.DeclaredAccessibility == Accessibility.Private || member is IMethodSymbol { MethodKind: MethodKind.Constructor }) continue;
                    if (GeneratedNames.IsReserved(member.Name) && reported.Add(member.Name))
                    {
                        diagnostics.Add(Make(Diagnostics.InheritedMemberConflict, location, symbol.Name, member.Name, type.ToDisplayString()));
                    }
                }
            }
        }

        private static void CheckMemberConflicts(INamedTypeSymbol symbol, List<DiagnosticInfo> diagnostics)
        {
            foreach (ISymbol member in symbol.GetMembers())
            {
                if (member.IsImplicitlyDeclared) continue;
                bool conflict = GeneratedNames.IsReserved(member.Name);
                string shown = member.Name;
                string fix = "rename or remove it";
                if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && !constructor.IsStatic)
                {
                    int count = constructor.Parameters.Length;
                    conflict = count == 0 || (count == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32);
                    shown = symbol.Name + (count == 0 ? "()" : "(int seed)");
                    fix = "remove it: the generated constructors " + symbol.Name + "() and " + symbol.Name + "(int seed) initialize the parameters";
                }
                if (conflict)
                {
                    diagnostics.Add(Make(Diagnostics.MemberConflict, LocationInfo.From(member.DeclaringSyntaxReferences.FirstOrDefault()), symbol.Name, shown, fix));
                }
            }
        }

        private static void CheckLossSuitsLastLayer(LossKind loss, string? lossName, LocationInfo? location, List<LayerSpec> layers, List<DiagnosticInfo> diagnostics)
        {
            LayerSpec? last = null;
            for (int i = layers.Count - 1; i >= 0; i--)
            {
                if (layers[i].Kind != LayerKind.Identity) { last = layers[i]; break; }
            }
            if (last is null || lossName is null) return;
            string lastName = last.Kind.ToString();
            switch (loss)
            {
                case LossKind.SoftmaxCrossEntropy when last.Kind == LayerKind.Softmax:
                    diagnostics.Add(Make(Diagnostics.SoftmaxBeforeLogitsLoss, location));
                    break;
                case LossKind.BinaryCrossEntropy when last.Kind != LayerKind.Sigmoid && last.Kind != LayerKind.Softmax:
                    diagnostics.Add(Make(Diagnostics.LossInputMismatch, location, lossName, "outputs between 0 and 1", lastName,
                        "end the network with [Sigmoid]"));
                    break;
                case LossKind.CrossEntropy when last.Kind != LayerKind.Softmax:
                    diagnostics.Add(Make(Diagnostics.LossInputMismatch, location, lossName, "probabilities", lastName,
                        "end the network with [Softmax], or use [SoftmaxCrossEntropy], which takes logits"));
                    break;
            }
        }

        // A single-precision network writes these settings as float literals: a value beyond float's range would be ±∞.
        private static void CheckFloatRange(List<LayerSpec> layers, List<LocationInfo?> layerLocations, OptimizerSpec? optimizer, string? optimizerName,
            List<AttributeData> attributes, List<DiagnosticInfo> diagnostics)
        {
            const string rule = "within float's range (±3.4E+38) in a single-precision network";
            for (int i = 0; i < layers.Count; i++)
            {
                if ((layers[i].Kind == LayerKind.LeakyReLU || layers[i].Kind == LayerKind.ELU) && Math.Abs(layers[i].Parameter) > float.MaxValue)
                {
                    diagnostics.Add(Make(Diagnostics.InvalidHyperparameter, layerLocations[i], layers[i].Kind == LayerKind.ELU ? "Alpha" : "Slope", layers[i].Kind.ToString(), NumberText.Double(layers[i].Parameter), rule));
                }
            }
            if (optimizer is null || optimizerName is null) return;
            LocationInfo? location = LocationInfo.From(attributes.First(a => OptimizerKinds.ContainsKey(a.AttributeClass!.ToDisplayString())).ApplicationSyntaxReference);
            var settings = new (string Name, double Value)[]
            {
                ("WeightDecay", optimizer.WeightDecay), ("Momentum", optimizer.Momentum), ("Epsilon", optimizer.Epsilon),
            };
            foreach (var (name, value) in settings)
            {
                if (Math.Abs(value) > float.MaxValue) diagnostics.Add(Make(Diagnostics.InvalidHyperparameter, location, name, optimizerName, NumberText.Double(value), rule));
            }
        }

        /// <summary>Names appear in generated comments, docs and diagrams: letters, digits and '_', not starting with a digit.</summary>
        internal static bool IsValidName(string name)
        {
            if (name.Length == 0 || name.Length > 64 || char.IsDigit(name[0])) return false;
            foreach (char ch in name)
            {
                if (!(ch == '_' || (ch < 128 && char.IsLetterOrDigit(ch)))) return false;
            }
            return true;
        }

        private static string ShortName(AttributeData attribute)
        {
            string name = attribute.AttributeClass!.Name;
            return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        private static string HintName(string? ns, string name) => (ns is null ? name : ns + "." + name) + ".g.cs";

        internal static DiagnosticInfo Make(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
            => new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), location);

        private static int IntArgument(AttributeData attribute, int index)
            => attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Value is int value ? value : 0;

        internal static double DoubleArgument(AttributeData attribute, int index)
            => attribute.ConstructorArguments.Length > index ? Convert.ToDouble(attribute.ConstructorArguments[index].Value, CultureInfo.InvariantCulture) : 0;

        internal static TypedConstant? Named(AttributeData attribute, string name)
        {
            foreach (KeyValuePair<string, TypedConstant> pair in attribute.NamedArguments)
            {
                if (pair.Key == name) return pair.Value;
            }
            return null;
        }

        private static string? StringNamed(AttributeData attribute, string name) => Named(attribute, name)?.Value as string;

        private static int? IntNamed(AttributeData attribute, string name) => Named(attribute, name)?.Value as int?;

        internal static bool? BoolNamed(AttributeData attribute, string name) => Named(attribute, name)?.Value as bool?;

        internal static double? DoubleNamed(AttributeData attribute, string name)
        {
            TypedConstant? constant = Named(attribute, name);
            return constant?.Value is null ? null : Convert.ToDouble(constant.Value.Value, CultureInfo.InvariantCulture);
        }
    }
}
