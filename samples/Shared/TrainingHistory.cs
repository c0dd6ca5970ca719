using System;
using System.Collections.Generic;

namespace Backprop.Samples
{
    /// <summary>The numbers of a training run, epoch by epoch, and the chart that shows them.</summary>
    public sealed class TrainingHistory
    {
        /// <summary>The epoch of each record (0 for the state before training).</summary>
        public List<double> Epoch { get; } = new();

        /// <summary>The loss on the training set.</summary>
        public List<double> TrainLoss { get; } = new();

        /// <summary>The accuracy on the training set, 0 to 1.</summary>
        public List<double> TrainAccuracy { get; } = new();

        /// <summary>The loss on the held-out set.</summary>
        public List<double> TestLoss { get; } = new();

        /// <summary>The accuracy on the held-out set, 0 to 1.</summary>
        public List<double> TestAccuracy { get; } = new();

        /// <summary>The learning rate the epoch trained with.</summary>
        public List<double> LearningRate { get; } = new();

        /// <summary>Appends one epoch's numbers.</summary>
        public void Add(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy, double learningRate)
        {
            Epoch.Add(epoch);
            TrainLoss.Add(trainLoss);
            TrainAccuracy.Add(trainAccuracy);
            TestLoss.Add(testLoss);
            TestAccuracy.Add(testAccuracy);
            LearningRate.Add(learningRate);
        }

        /// <summary>
        /// Two stacked panels over the epochs: the losses on a logarithmic axis (a loss shrinks by orders of magnitude),
        /// then the accuracies; train and held-out in each.
        /// </summary>
        public LineChart ToChart(string title, string? subtitle)
        {
            const string TrainColor = "#1f6fb4", TestColor = "#e0701a";
            var chart = new LineChart(title) { Subtitle = subtitle };

            // The accuracy panel starts at epoch 1 and zooms on the trained network: the untrained network's chance-level
            // accuracy at epoch 0 would squeeze everything else into a sliver at the top.
            var epochs = new List<double>();
            var trainAccuracy = new List<double>();
            var testAccuracy = new List<double>();
            double lowest = 1;
            for (int i = 0; i < Epoch.Count; i++)
            {
                if (Epoch[i] < 1) continue;
                epochs.Add(Epoch[i]);
                trainAccuracy.Add(TrainAccuracy[i]);
                testAccuracy.Add(TestAccuracy[i]);
                lowest = Math.Min(lowest, Math.Min(TrainAccuracy[i], TestAccuracy[i]));
            }
            double accuracyFloor = Math.Min(0.9, Math.Floor(lowest * 20) / 20);   // a multiple of 5%, at most 90%

            chart.Panels.Add(new ChartPanel("cross-entropy loss (log scale)") { LogScale = true, Legend = LegendCorner.TopRight }
                .Add("train", TrainColor, Epoch, TrainLoss)
                .Add("held-out", TestColor, Epoch, TestLoss, dashed: true));
            chart.Panels.Add(new ChartPanel("accuracy") { YMin = accuracyFloor, YMax = 1, Percent = true, Legend = LegendCorner.BottomRight }
                .Add("train", TrainColor, epochs, trainAccuracy)
                .Add("held-out", TestColor, epochs, testAccuracy, dashed: true));
            return chart;
        }
    }
}
