using System;
using System.Collections.Generic;
using Backprop.Generated;

namespace Backprop.Samples
{
    /// <summary>
    /// A data set ready for a network: split into a training set and a held-out test set, features z-scored with the
    /// training set's statistics, and targets one-hot encoded. Inputs and targets are flat arrays, sample after sample,
    /// as <see cref="MiniBatchTrainer{T}"/> and the generated networks take them.
    /// </summary>
    public sealed class PreparedData
    {
        private PreparedData(int featureCount, int classCount, int[] trainRows, int[] testRows, float[] mean, float[] std,
                             float[] trainInputs, float[] trainTargets, int[] trainLabels,
                             float[] testInputs, float[] testTargets, int[] testLabels)
        {
            FeatureCount = featureCount;
            ClassCount = classCount;
            TrainRows = trainRows;
            TestRows = testRows;
            Mean = mean;
            StandardDeviation = std;
            TrainInputs = trainInputs;
            TrainTargets = trainTargets;
            TrainLabels = trainLabels;
            TestInputs = testInputs;
            TestTargets = testTargets;
            TestLabels = testLabels;
        }

        /// <summary>Features per sample.</summary>
        public int FeatureCount { get; }

        /// <summary>The number of classes, and so the width of a one-hot target.</summary>
        public int ClassCount { get; }

        /// <summary>The rows of the original data set that went into the training set, in increasing order.</summary>
        public int[] TrainRows { get; }

        /// <summary>The rows of the original data set that were held out, in increasing order.</summary>
        public int[] TestRows { get; }

        /// <summary>The mean of each feature over the training set.</summary>
        public float[] Mean { get; }

        /// <summary>The population standard deviation of each feature over the training set (1 where it is 0).</summary>
        public float[] StandardDeviation { get; }

        /// <summary>The training features, z-scored, sample after sample.</summary>
        public float[] TrainInputs { get; }

        /// <summary>The training targets, one-hot, sample after sample.</summary>
        public float[] TrainTargets { get; }

        /// <summary>The training classes.</summary>
        public int[] TrainLabels { get; }

        /// <summary>The held-out features, z-scored with the training set's mean and standard deviation.</summary>
        public float[] TestInputs { get; }

        /// <summary>The held-out targets, one-hot.</summary>
        public float[] TestTargets { get; }

        /// <summary>The held-out classes.</summary>
        public int[] TestLabels { get; }

        /// <summary>The number of training samples.</summary>
        public int TrainCount => TrainLabels.Length;

        /// <summary>The number of held-out samples.</summary>
        public int TestCount => TestLabels.Length;

        /// <summary>
        /// Splits <paramref name="data"/> into a training set and a held-out set, stratified: from every class, the same
        /// fraction (<paramref name="testFraction"/>, rounded) of its samples, chosen at random by <paramref name="seed"/>,
        /// is held out, so both sets keep the class proportions of the whole (and, for a class of two samples or more, at
        /// least one on each side). Then z-scores every feature with the
        /// mean and population standard deviation of the training set only (the held-out set must not leak into
        /// training), and one-hot encodes the labels.
        /// </summary>
        public static PreparedData SplitStratified(LabeledData data, double testFraction, int seed)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            if (!(testFraction > 0 && testFraction < 1)) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The held-out fraction must be between 0 and 1.");

            // 1. The stratified split: shuffle each class's rows, hold out the first round(fraction · count) of them.
            var random = new SeededRandom(seed);
            var train = new List<int>();
            var test = new List<int>();
            for (int label = 0; label < data.ClassCount; label++)
            {
                var rows = new List<int>();
                for (int i = 0; i < data.Count; i++)
                {
                    if (data.Labels[i] == label) rows.Add(i);
                }
                int[] shuffled = rows.ToArray();
                random.Shuffle<int>(shuffled);
                int held = (int)Math.Round(testFraction * shuffled.Length, MidpointRounding.AwayFromZero);
                if (shuffled.Length >= 2) held = Math.Clamp(held, 1, shuffled.Length - 1);   // keep every class on both sides
                test.AddRange(shuffled[..held]);
                train.AddRange(shuffled[held..]);
            }
            int[] trainRows = train.ToArray();
            int[] testRows = test.ToArray();
            Array.Sort(trainRows);   // the order does not matter for training (the trainer shuffles every epoch),
            Array.Sort(testRows);    // so keep the file's order: it makes the sets easy to inspect

            // 2. Feature statistics from the training rows only, accumulated in double.
            int features = data.FeatureCount;
            var mean = new float[features];
            var std = new float[features];
            for (int f = 0; f < features; f++)
            {
                double sum = 0;
                foreach (int row in trainRows) sum += data.Features[row * features + f];
                double m = sum / trainRows.Length;
                double squares = 0;
                foreach (int row in trainRows)
                {
                    double d = data.Features[row * features + f] - m;
                    squares += d * d;
                }
                double s = Math.Sqrt(squares / trainRows.Length);   // population standard deviation (divide by n)
                mean[f] = (float)m;
                std[f] = s > 0 ? (float)s : 1f;                      // a constant feature: leave it centred at 0
            }

            // 3. z-score and one-hot both sets with those statistics.
            var (trainInputs, trainTargets, trainLabels) = Encode(data, trainRows, mean, std);
            var (testInputs, testTargets, testLabels) = Encode(data, testRows, mean, std);
            return new PreparedData(features, data.ClassCount, trainRows, testRows, mean, std,
                                    trainInputs, trainTargets, trainLabels, testInputs, testTargets, testLabels);
        }

        private static (float[] Inputs, float[] Targets, int[] Labels) Encode(LabeledData data, int[] rows, float[] mean, float[] std)
        {
            int features = data.FeatureCount, classes = data.ClassCount;
            var inputs = new float[rows.Length * features];
            var targets = new float[rows.Length * classes];   // all zeros …
            var labels = new int[rows.Length];
            for (int s = 0; s < rows.Length; s++)
            {
                int row = rows[s];
                for (int f = 0; f < features; f++)
                {
                    inputs[s * features + f] = (data.Features[row * features + f] - mean[f]) / std[f];
                }
                labels[s] = data.Labels[row];
                targets[s * classes + labels[s]] = 1f;           // … but a 1 at the sample's class
            }
            return (inputs, targets, labels);
        }
    }
}
