using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Backprop.Generated.Tests.Oracle
{
    /// <summary>One oracle case file (see Oracle/SCHEMA.md): a network, its data, and what PyTorch computed for it.</summary>
    public sealed class OracleCase
    {
        private OracleCase(string path, JsonElement root)
        {
            Path = path;
            Root = root;
            Name = root.GetProperty("name").GetString()!;
        }

        public string Path { get; }
        public JsonElement Root { get; }
        public string Name { get; }
        public bool IsDouble => Root.GetProperty("dtype").GetString() == "float64";
        public string Loss => Root.GetProperty("loss").GetString()!;
        public int InputSize => Root.GetProperty("input").GetInt32();
        public double[][] X => Matrix(Root.GetProperty("X"));
        public double[][]? Y => Root.TryGetProperty("Y", out JsonElement y) ? Matrix(y) : null;
        public JsonElement Expected => Root.GetProperty("expected");
        public JsonElement? Training => Root.TryGetProperty("training", out JsonElement t) ? t : null;

        /// <summary>Relative-or-absolute tolerance from SCHEMA.md: 1e-9 in float64, 1e-4 in float32, times max(1, |expected|).</summary>
        public double Tolerance => IsDouble ? 1e-9 : 1e-4;

        public static OracleCase Load(string path)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return new OracleCase(path, document.RootElement.Clone());
        }

        /// <summary>The folder of case files: BACKPROP_ORACLE_CASES if set, else the copy kept in the repository.</summary>
        public static string CasesFolder
        {
            get
            {
                string? fromEnvironment = Environment.GetEnvironmentVariable("BACKPROP_ORACLE_CASES");
                return string.IsNullOrEmpty(fromEnvironment)
                    ? System.IO.Path.Combine(AppContext.BaseDirectory, "Oracle", "cases")
                    : fromEnvironment;
            }
        }

        public static string[] CaseFiles(string folder)
            => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray() : Array.Empty<string>();

        /// <summary>
        /// The flat parameter vector in the generated layout: for each dense layer, W row-major then b. It is also
        /// the layout of the oracle's "parameters", "grads" and "parameters_after".
        /// </summary>
        public static double[] Flatten(JsonElement parameterList)
        {
            var values = new List<double>();
            foreach (JsonElement entry in parameterList.EnumerateArray())
            {
                foreach (JsonElement row in entry.GetProperty("W").EnumerateArray()) values.AddRange(row.EnumerateArray().Select(v => v.GetDouble()));
                if (entry.TryGetProperty("b", out JsonElement b)) values.AddRange(b.EnumerateArray().Select(v => v.GetDouble()));
            }
            return values.ToArray();
        }

        public static double[][] Matrix(JsonElement element)
            => element.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

        /// <summary>
        /// The C# declaration of this case's network: [Network], [Input], one attribute per layer, the loss, and the
        /// optimizer of its training run. Throws <see cref="NotSupportedException"/> naming anything it cannot express.
        /// </summary>
        public string Declaration(string ns, string className = "Net")
        {
            var b = new StringBuilder();
            b.AppendLine("using Backprop.Generated;");
            b.AppendLine("namespace " + ns + " {");
            b.AppendLine("[Network(" + (IsDouble ? "Precision.Double" : "Precision.Single") + ")]");
            b.AppendLine("[Input(" + InputSize + ")]");
            foreach (JsonElement layer in Root.GetProperty("layers").EnumerateArray()) b.AppendLine(LayerAttribute(layer));
            b.Append(LossAttribute());
            if (Training is JsonElement training)
            {
                b.AppendLine(OptimizerAttribute(training.GetProperty("optimizer")));
                if (training.TryGetProperty("clip_grad_norm", out JsonElement clip)) b.AppendLine("[ClipGradNorm(" + Num(clip.GetDouble()) + ")]");
            }
            b.AppendLine("public partial class " + className + " { }");
            b.AppendLine("}");
            return b.ToString();
        }

        private string LayerAttribute(JsonElement layer)
        {
            string kind = layer.GetProperty("kind").GetString()!;
            var named = new List<string>();
            if (layer.TryGetProperty("name", out JsonElement name)) named.Add("Name = \"" + name.GetString() + "\"");
            string Attr(string attribute, params string[] args)
            {
                var all = args.Concat(named).ToList();
                return "[" + attribute + (all.Count > 0 ? "(" + string.Join(", ", all) + ")" : "") + "]";
            }
            switch (kind)
            {
                case "dense":
                    var args = new List<string> { layer.GetProperty("units").GetInt32().ToString(CultureInfo.InvariantCulture) };
                    if (!layer.GetProperty("bias").GetBoolean()) args.Add("Bias = false");
                    if (layer.TryGetProperty("mask", out JsonElement mask))
                    {
                        args.Add("Mask = \"" + string.Join(" ", mask.EnumerateArray().Select(r => string.Concat(r.EnumerateArray().Select(v => v.GetDouble() != 0 ? "x" : "."))) ) + "\"");
                    }
                    return Attr("Dense", args.ToArray());
                case "relu": return Attr("ReLU");
                case "leaky_relu": return Attr("LeakyReLU", Num(layer.GetProperty("slope").GetDouble()));
                case "elu": return Attr("ELU", Num(layer.GetProperty("alpha").GetDouble()));
                case "sigmoid": return Attr("Sigmoid");
                case "tanh": return Attr("Tanh");
                case "identity": return Attr("Identity");
                case "softmax": return Attr("Softmax");
                case "gelu": return Attr("GELU");
                case "softplus": return Attr("Softplus");
                case "silu": return Attr("SiLU");
                case "add": return Attr("Add", "\"" + layer.GetProperty("from").GetString() + "\"");
                case "concat": return Attr("Concat", "\"" + layer.GetProperty("from").GetString() + "\"");
                default: throw new NotSupportedException("layer kind '" + kind + "'");
            }
        }

        private string LossAttribute() => Loss switch
        {
            "mse" => "[MeanSquaredError]\n",
            "sum_squared_error" => "[SumSquaredError]\n",
            "bce" => "[BinaryCrossEntropy]\n",
            "cross_entropy" => "[CrossEntropy]\n",
            "softmax_cross_entropy" => "[SoftmaxCrossEntropy]\n",
            "none" => "",
            _ => throw new NotSupportedException("loss '" + Loss + "'"),
        };

        private static string OptimizerAttribute(JsonElement optimizer)
        {
            var known = new Dictionary<string, string>
            {
                ["lr"] = "LearningRate", ["momentum"] = "Momentum", ["dampening"] = "Dampening", ["nesterov"] = "Nesterov",
                ["weight_decay"] = "WeightDecay", ["beta1"] = "Beta1", ["beta2"] = "Beta2", ["eps"] = "Epsilon",
                ["alpha"] = "Alpha", ["centered"] = "Centered",
            };
            string kind = optimizer.GetProperty("kind").GetString()!;
            string attribute = kind switch
            {
                "sgd" => "Sgd",
                "adam" => "Adam",
                "adamw" => "AdamW",
                "rmsprop" => "RmsProp",
                _ => throw new NotSupportedException("optimizer '" + kind + "'"),
            };
            var settings = new List<string>();
            foreach (JsonProperty property in optimizer.EnumerateObject())
            {
                if (property.Name == "kind") continue;
                if (!known.TryGetValue(property.Name, out string? setting)) throw new NotSupportedException("optimizer setting '" + property.Name + "'");
                settings.Add(setting + " = " + (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? (property.Value.GetBoolean() ? "true" : "false")
                    : Num(property.Value.GetDouble())));
            }
            return "[" + attribute + "(" + string.Join(", ", settings) + ")]";
        }

        private static string Num(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.Contains('.') || text.Contains('E') ? text : text + ".0";
        }

        public override string ToString() => Name;
    }
}
