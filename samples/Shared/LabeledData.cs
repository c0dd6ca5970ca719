using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Backprop.Samples
{
    /// <summary>
    /// A classification data set held in memory: one row of features per sample and an integer class label.
    /// </summary>
    public sealed class LabeledData
    {
        private LabeledData(string[] featureNames, float[] features, int[] labels)
        {
            FeatureNames = featureNames;
            Features = features;
            Labels = labels;
            ClassCount = 0;
            foreach (int label in labels) ClassCount = Math.Max(ClassCount, label + 1);
        }

        /// <summary>The name of each feature column, from the CSV header.</summary>
        public string[] FeatureNames { get; }

        /// <summary>The features, sample after sample: row <c>i</c> is <c>Features[i·FeatureCount … (i+1)·FeatureCount − 1]</c>.</summary>
        public float[] Features { get; }

        /// <summary>The class of each sample, 0-based.</summary>
        public int[] Labels { get; }

        /// <summary>The number of samples.</summary>
        public int Count => Labels.Length;

        /// <summary>The number of features per sample.</summary>
        public int FeatureCount => FeatureNames.Length;

        /// <summary>The number of classes: one more than the largest label.</summary>
        public int ClassCount { get; }

        /// <summary>The samples of each class.</summary>
        public int[] CountPerClass()
        {
            var counts = new int[ClassCount];
            foreach (int label in Labels) counts[label]++;
            return counts;
        }

        /// <summary>
        /// Reads a CSV file with a header row, numeric feature columns and a last column of 0-based integer classes
        /// (the layout of the samples' <c>iris.csv</c> and <c>digits.csv</c>). Numbers use '.' as the decimal point
        /// whatever the machine's culture.
        /// </summary>
        /// <exception cref="InvalidDataException">The file is empty, a row has the wrong number of columns, or a value is not a number.</exception>
        public static LabeledData LoadCsv(string path)
        {
            using var reader = new StreamReader(path);
            string? header = reader.ReadLine();
            if (string.IsNullOrWhiteSpace(header)) throw new InvalidDataException($"{path}: the file is empty; expected a header row.");
            string[] columns = header.Split(',');
            if (columns.Length < 2) throw new InvalidDataException($"{path}: the header has {columns.Length} column; expected features and a target.");
            string[] featureNames = columns[..^1];

            var features = new List<float>();
            var labels = new List<int>();
            int lineNumber = 1;
            for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
            {
                lineNumber++;
                if (line.Length == 0) continue;   // tolerate a blank last line
                string[] cells = line.Split(',');
                if (cells.Length != columns.Length)
                {
                    throw new InvalidDataException($"{path}, line {lineNumber}: {cells.Length} columns, but the header has {columns.Length}.");
                }
                for (int c = 0; c < featureNames.Length; c++)
                {
                    if (!float.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                    {
                        throw new InvalidDataException($"{path}, line {lineNumber}: '{cells[c]}' in column '{featureNames[c]}' is not a finite number.");
                    }
                    features.Add(value);
                }
                if (!int.TryParse(cells[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int label))
                {
                    throw new InvalidDataException($"{path}, line {lineNumber}: the target '{cells[^1]}' is not a class number 0, 1, 2, …");
                }
                labels.Add(label);
            }
            if (labels.Count == 0) throw new InvalidDataException($"{path}: the file has a header but no samples.");
            return new LabeledData(featureNames, features.ToArray(), labels.ToArray());
        }
    }
}
