using System;
using System.Globalization;
using System.IO;

namespace Backprop.Samples
{
    /// <summary>
    /// The command-line options the data samples share, parsed by hand: <c>--epochs 50 --seed 3</c> or
    /// <c>--epochs=50</c>. Two seeds make a run reproducible: <see cref="SplitSeed"/> fixes the held-out set,
    /// <see cref="Seed"/> the training run on it, so the training can be repeated with other seeds on the same held-out set. Each sample passes its own defaults; anything not given keeps them.
    /// </summary>
    public sealed class SampleOptions
    {
        /// <summary>Epochs to train.</summary>
        public int Epochs { get; set; }

        /// <summary>The seed of the training run: the initial weights and the order of the samples in each epoch.</summary>
        public int Seed { get; set; }

        /// <summary>The seed of the split: which samples are held out for testing.</summary>
        public int SplitSeed { get; set; }

        /// <summary>Samples per mini-batch.</summary>
        public int BatchSize { get; set; }

        /// <summary>The initial learning rate; null keeps the rate declared in the network's optimizer attribute.</summary>
        public double? LearningRate { get; set; }

        /// <summary>The fraction of each class held out for testing.</summary>
        public double TestFraction { get; set; }

        /// <summary>The CSV file to read; null reads the copy next to the program.</summary>
        public string? DataPath { get; set; }

        /// <summary>Where to write the weight file and the chart; null writes them next to the program.</summary>
        public string? OutputDirectory { get; set; }

        /// <summary>Set by <c>--help</c>: print the usage and exit.</summary>
        public bool ShowHelp { get; set; }

        /// <summary>The usage text for <c>--help</c> and for mistakes.</summary>
        public static string Usage(string program, SampleOptions defaults) => string.Join(Environment.NewLine,
            $"usage: {program} [options]",
            "",
            $"  --epochs N          epochs to train (default {defaults.Epochs})",
            $"  --seed N            seed of the initial weights and the shuffling (default {defaults.Seed})",
            $"  --split-seed N      seed of the train/held-out split (default {defaults.SplitSeed})",
            $"  --batch-size N      samples per mini-batch (default {defaults.BatchSize})",
            "  --lr X              initial learning rate (default: the network's declared rate)",
            $"  --test-fraction X   fraction of each class held out, between 0 and 1 (default {defaults.TestFraction.ToString(CultureInfo.InvariantCulture)})",
            "  --data PATH         the CSV file (default: the copy next to the program)",
            "  --out DIR           where to write the weights and the chart (default: next to the program)",
            "  --help              show this text");

        /// <summary>
        /// Reads <paramref name="args"/> over a copy of <paramref name="defaults"/>. Returns null and sets
        /// <paramref name="error"/> for an unknown option, a missing value or a value out of range.
        /// </summary>
        public static SampleOptions? Parse(string[] args, SampleOptions defaults, out string? error)
        {
            var options = (SampleOptions)defaults.MemberwiseClone();
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                string? value = null;
                int equals = name.IndexOf('=');
                if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
                {
                    value = name[(equals + 1)..];   // --epochs=50
                    name = name[..equals];
                }
                if (name is "--help" or "-h" or "-?")
                {
                    options.ShowHelp = true;
                    continue;
                }
                if (!(name is "--epochs" or "--seed" or "--split-seed" or "--batch-size" or "--lr" or "--test-fraction" or "--data" or "--out"))
                {
                    error = $"unknown option '{args[i]}'";
                    return null;
                }
                if (value is null)
                {
                    if (i + 1 >= args.Length)
                    {
                        error = $"{name} needs a value";
                        return null;
                    }
                    value = args[++i];   // --epochs 50
                }
                switch (name)
                {
                    case "--epochs":
                        if (!TryInt(value, 1, out int epochs)) return Fail(out error, name, value, "a whole number of at least 1");
                        options.Epochs = epochs;
                        break;
                    case "--seed":
                        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seed)) return Fail(out error, name, value, "a whole number");
                        options.Seed = seed;
                        break;
                    case "--split-seed":
                        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int splitSeed)) return Fail(out error, name, value, "a whole number");
                        options.SplitSeed = splitSeed;
                        break;
                    case "--batch-size":
                        if (!TryInt(value, 1, out int batch)) return Fail(out error, name, value, "a whole number of at least 1");
                        options.BatchSize = batch;
                        break;
                    case "--lr":
                        if (!TryDouble(value, out double rate) || !(rate > 0)) return Fail(out error, name, value, "a positive number");
                        options.LearningRate = rate;
                        break;
                    case "--test-fraction":
                        if (!TryDouble(value, out double fraction) || !(fraction > 0 && fraction < 1)) return Fail(out error, name, value, "a number between 0 and 1");
                        options.TestFraction = fraction;
                        break;
                    case "--data":
                        options.DataPath = value;
                        break;
                    case "--out":
                        options.OutputDirectory = value;
                        break;
                }
            }
            return options;
        }

        /// <summary>The CSV to read: <see cref="DataPath"/>, or <paramref name="fileName"/> next to the program.</summary>
        public string ResolveDataPath(string fileName) => DataPath ?? Path.Combine(AppContext.BaseDirectory, fileName);

        /// <summary>Where to write <paramref name="fileName"/>: in <see cref="OutputDirectory"/> (created if needed) or next to the program.</summary>
        public string ResolveOutputPath(string fileName)
        {
            string directory = OutputDirectory ?? AppContext.BaseDirectory;
            Directory.CreateDirectory(directory);
            return Path.GetFullPath(Path.Combine(directory, fileName));
        }

        private static bool TryInt(string text, int minimum, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum;

        private static bool TryDouble(string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        private static SampleOptions? Fail(out string? error, string name, string value, string expected)
        {
            error = $"{name} '{value}' is not {expected}";
            return null;
        }
    }
}
