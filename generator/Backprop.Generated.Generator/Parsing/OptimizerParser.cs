using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Backprop.Generated.Generator
{
    /// <summary>Reads an optimizer attribute's settings, with torch.optim's defaults, and checks each one's range.</summary>
    internal static class OptimizerParser
    {
        public static OptimizerSpec Parse(OptimizerKind kind, AttributeData attribute, string name, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            double Get(string property, double fallback) => NetworkParser.DoubleNamed(attribute, property) ?? fallback;
            bool Flag(string property) => NetworkParser.BoolNamed(attribute, property) ?? false;

            double defaultRate = kind switch { OptimizerKind.Sgd => 0.01, OptimizerKind.RmsProp => 0.01, _ => 0.001 };
            var spec = new OptimizerSpec(
                kind,
                LearningRate: Get("LearningRate", defaultRate),
                WeightDecay: Get("WeightDecay", kind == OptimizerKind.AdamW ? 0.01 : 0.0),
                Momentum: Get("Momentum", 0),
                Dampening: Get("Dampening", 0),
                Nesterov: Flag("Nesterov"),
                Beta1: Get("Beta1", 0.9),
                Beta2: Get("Beta2", 0.999),
                Epsilon: Get("Epsilon", 1e-8),
                Alpha: Get("Alpha", 0.99),
                Centered: Flag("Centered"));

            void Require(bool ok, string property, double value, string rule)
            {
                if (!ok) diagnostics.Add(NetworkParser.Make(Diagnostics.InvalidHyperparameter, location, property, name, NumberText.Double(value), rule));
            }

            static bool Finite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

            Require(spec.LearningRate > 0 && Finite(spec.LearningRate), "LearningRate", spec.LearningRate, "a positive, finite number");
            Require(spec.WeightDecay >= 0 && Finite(spec.WeightDecay), "WeightDecay", spec.WeightDecay, "zero or a positive, finite number");
            switch (kind)
            {
                case OptimizerKind.Sgd:
                    Require(spec.Momentum >= 0 && Finite(spec.Momentum), "Momentum", spec.Momentum, "zero or a positive, finite number");
                    Require(spec.Dampening >= 0 && spec.Dampening <= 1, "Dampening", spec.Dampening, "between 0 and 1");
                    if (spec.Nesterov)
                    {
                        Require(spec.Momentum > 0, "Momentum", spec.Momentum, "positive when Nesterov = true (Nesterov momentum needs a momentum)");
                        Require(spec.Dampening == 0, "Dampening", spec.Dampening, "0 when Nesterov = true (as in torch.optim.SGD)");
                    }
                    break;
                case OptimizerKind.Adam:
                case OptimizerKind.AdamW:
                    Require(spec.Beta1 >= 0 && spec.Beta1 < 1, "Beta1", spec.Beta1, "at least 0 and below 1");
                    Require(spec.Beta2 >= 0 && spec.Beta2 < 1, "Beta2", spec.Beta2, "at least 0 and below 1");
                    Require(spec.Epsilon >= 0 && Finite(spec.Epsilon), "Epsilon", spec.Epsilon, "zero or a positive, finite number");
                    break;
                case OptimizerKind.RmsProp:
                    Require(spec.Alpha >= 0 && spec.Alpha <= 1, "Alpha", spec.Alpha, "between 0 and 1");
                    Require(spec.Epsilon >= 0 && Finite(spec.Epsilon), "Epsilon", spec.Epsilon, "zero or a positive, finite number");
                    Require(spec.Momentum >= 0 && Finite(spec.Momentum), "Momentum", spec.Momentum, "zero or a positive, finite number");
                    break;
            }
            return spec;
        }
    }
}
