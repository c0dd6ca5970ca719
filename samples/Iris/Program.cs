using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Backprop.Generated;
using Backprop.Samples;

namespace Iris
{
    // 4 flower measurements → 16 hidden units (ReLU) → 3 logits, one per species. SoftmaxCrossEntropy applies the
    // softmax inside the loss, so Forward returns logits and the predicted species is the largest one.
    // Trained with SGD, momentum and a little weight decay (L2, which keeps the boundaries smooth on 120 flowers);
    // the learning rate below is the starting rate, which a cosine schedule lowers to 0 over the run.
    [Network(Precision.Single)]
    [Input(4)]
    [Dense(16)] [ReLU]
    [Dense(3)]
    [SoftmaxCrossEntropy]
    [Sgd(LearningRate = 0.05, Momentum = 0.9, WeightDecay = 0.01)]
    public partial class IrisNet { }

    public static class Program
    {
        private static readonly string[] Species = { "setosa", "versicolor", "virginica" };

        // The held-out accuracy the sample must reach.
        private const double TargetAccuracy = 0.95;

        // Returns 0 when the held-out accuracy reaches the target and the reloaded network matches the trained one,
        // 1 when not (or when the data cannot be read), 2 for a command-line mistake.
        public static int Main(string[] args)
        {
            var defaults = new SampleOptions { Epochs = 60, Seed = 1, SplitSeed = 4, BatchSize = 8, TestFraction = 0.2 };
            SampleOptions? options = SampleOptions.Parse(args, defaults, out string? error);
            if (options is null || options.ShowHelp)
            {
                if (error != null) Console.Error.WriteLine($"error: {error}");
                (error != null ? Console.Error : Console.Out).WriteLine(SampleOptions.Usage("dotnet run --project samples/Iris --", defaults));
                return options is null ? 2 : 0;
            }
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;   // "0.5", not "0,5", whatever the machine's language
            var clock = Stopwatch.StartNew();

            // --split-seed fixes which flowers are held out; --seed fixes the training run: two independent streams
            // drawn from it, one for the initial weights and one for the order of the samples in each epoch.
            var seeds = new SeededRandom(options.Seed);
            int initSeed = seeds.NextInt(int.MaxValue), shuffleSeed = seeds.NextInt(int.MaxValue);

            // 1. Load the data, hold out a stratified fraction (20% by default) of each species, z-score every feature with
            //    the training set's statistics, one-hot the species.
            string dataPath = options.ResolveDataPath("iris.csv");
            LabeledData data;
            try
            {
                data = LabeledData.LoadCsv(dataPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)   // InvalidDataException is an IOException
            {
                Console.Error.WriteLine($"error: cannot read the data: {e.Message}");
                return 1;
            }
            if (data.FeatureCount != IrisNet.InputSize || data.ClassCount != IrisNet.OutputSize)
            {
                Console.Error.WriteLine($"error: {dataPath} has {data.FeatureCount} features and {data.ClassCount} classes; IrisNet needs {IrisNet.InputSize} and {IrisNet.OutputSize}.");
                return 1;
            }
            PreparedData split = PreparedData.SplitStratified(data, options.TestFraction, options.SplitSeed);
            Console.WriteLine("Iris: which species is a flower, from 4 measurements of its petals and sepals");
            Console.WriteLine($"data:     {data.Count} flowers, {data.FeatureCount} features, {data.ClassCount} species ({string.Join("/", data.CountPerClass())}), from {dataPath}");
            Console.WriteLine($"split:    {split.TrainCount} train / {split.TestCount} held-out, stratified " +
                              $"{100 * (1 - options.TestFraction):0.#}/{100 * options.TestFraction:0.#} with split seed {options.SplitSeed}; " +
                              "features z-scored with the train set's mean and std");

            // 2. The network, its learning-rate schedule and the mini-batch trainer.
            var net = new IrisNet(initSeed);
            if (options.LearningRate is double rate) net.LearningRate = rate;   // before the scheduler reads its base rate
            var schedule = new CosineAnnealingLR(net, tMax: options.Epochs);    // from the base rate down to 0 at the last epoch
            var trainer = new MiniBatchTrainer<float>(net, split.TrainInputs, split.TrainTargets, options.BatchSize, shuffleSeed);
            Console.WriteLine($"network:  {IrisNet.Architecture} ({IrisNet.ParameterCount} parameters)");
            Console.WriteLine($"training: SGD, momentum 0.9, weight decay 0.01; learning rate {net.LearningRate:G3} on a cosine schedule; " +
                              $"batches of {trainer.BatchSize}; {options.Epochs} epochs; seed {options.Seed}");
            Console.WriteLine();

            // Train, and measure after every epoch. TrainEpoch returns the mean of its batch losses, each taken while the
            // weights were still moving; measuring both sets on the epoch's final weights makes them comparable.
            var history = new TrainingHistory();
            Console.WriteLine("epoch  train loss  train acc  held-out loss  held-out acc  learning rate");
            for (int epoch = 0; epoch <= options.Epochs; epoch++)
            {
                double learningRate = net.LearningRate;
                if (epoch > 0)
                {
                    trainer.TrainEpoch();
                    schedule.Step();   // sets the rate for the next epoch
                }
                double trainLoss = trainer.Loss(split.TrainInputs, split.TrainTargets);
                double trainAccuracy = trainer.Accuracy(split.TrainInputs, split.TrainTargets);
                double testLoss = trainer.Loss(split.TestInputs, split.TestTargets);
                double testAccuracy = trainer.Accuracy(split.TestInputs, split.TestTargets);
                history.Add(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, learningRate);
                string rateText = epoch == 0 ? "(initial weights)" : learningRate.ToString("F5");
                Console.WriteLine($"{epoch,5}  {trainLoss,10:F4}  {Formatting.Percent(trainAccuracy),9}  {testLoss,13:F4}  {Formatting.Percent(testAccuracy),12}  {rateText,13}");
            }

            // 3. The final accuracies, and where the held-out mistakes are.
            double finalTrain = history.TrainAccuracy[^1], finalTest = history.TestAccuracy[^1];
            Console.WriteLine();
            Console.WriteLine("held-out confusion matrix:");
            Evaluation.PrintConfusionMatrix(Evaluation.ConfusionMatrix(net, split.TestInputs, split.TestLabels, data.ClassCount), Species);
            Console.WriteLine();
            Console.WriteLine($"train accuracy:    {Formatting.Percent(finalTrain)} ({Math.Round(finalTrain * split.TrainCount)}/{split.TrainCount})");
            Console.WriteLine($"held-out accuracy: {Formatting.Percent(finalTest)} ({Math.Round(finalTest * split.TestCount)}/{split.TestCount}), target {Formatting.Percent(TargetAccuracy)}");

            // 4. Save the weights, load them into a fresh network, and check it predicts exactly as the trained one.
            string weightsPath = options.ResolveOutputPath("iris.weights");
            WeightFile.Save(net, weightsPath);
            Console.WriteLine($"saved weights:     {weightsPath} ({new FileInfo(weightsPath).Length} bytes)");
            var reloaded = new IrisNet();   // different initial weights, until the file replaces them
            try
            {
                WeightFile.Load(reloaded, weightsPath);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: could not reload {weightsPath}: {e.Message}");
                return 1;
            }
            int identical = Evaluation.CountIdenticalOutputs(net, reloaded, split.TestInputs);
            bool reloadOk = identical == split.TestCount;
            Console.WriteLine($"reloaded: {identical}/{split.TestCount} predictions identical");

            // 5. The loss and accuracy curves, as an SVG image.
            string chartPath = options.ResolveOutputPath("iris-loss.svg");
            history.ToChart("Iris: training curves",
                            $"4 → 16 (ReLU) → 3 · SGD + cosine LR · {split.TrainCount} train / {split.TestCount} held-out flowers · held-out accuracy {Formatting.Percent(finalTest)}")
                   .Save(chartPath);
            Console.WriteLine($"chart:             {chartPath}");
            Console.WriteLine($"time:              {clock.Elapsed.TotalSeconds:F1} s");

            // 6. Success means the held-out target was met and the weight file round-trips exactly.
            bool passed = finalTest >= TargetAccuracy && reloadOk;
            Console.WriteLine(passed ? "PASS" : $"FAIL: {(finalTest < TargetAccuracy ? $"held-out accuracy below {Formatting.Percent(TargetAccuracy)}" : "the reloaded network differs")}");
            return passed ? 0 : 1;
        }
    }
}
