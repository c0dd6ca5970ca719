using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Backprop.Generated;
using Backprop.Samples;

namespace Digits
{
    // 8×8 images of handwritten digits, 64 pixels of 0–16 → 64 hidden units (ReLU) → 10 logits, one per digit.
    // SoftmaxCrossEntropy applies the softmax inside the loss, so Forward returns logits and the predicted digit is
    // the largest one. Trained with SGD, momentum and a touch of weight decay; the learning rate below is the
    // starting rate, which a cosine schedule lowers to 0 over the run.
    [Network(Precision.Single)]
    [Input(64)]
    [Dense(64)] [ReLU]
    [Dense(10)]
    [SoftmaxCrossEntropy]
    [Sgd(LearningRate = 0.05, Momentum = 0.9, WeightDecay = 0.001)]
    public partial class DigitsNet { }

    public static class Program
    {
        private static readonly string[] DigitNames = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };

        // The held-out accuracy the sample must reach.
        private const double TargetAccuracy = 0.95;

        // Returns 0 when the held-out accuracy reaches the target and the reloaded network matches the trained one,
        // 1 when not (or when the data cannot be read), 2 for a command-line mistake.
        public static int Main(string[] args)
        {
            var defaults = new SampleOptions { Epochs = 30, Seed = 1, SplitSeed = 1, BatchSize = 32, TestFraction = 0.2 };
            SampleOptions? options = SampleOptions.Parse(args, defaults, out string? error);
            if (options is null || options.ShowHelp)
            {
                if (error != null) Console.Error.WriteLine($"error: {error}");
                (error != null ? Console.Error : Console.Out).WriteLine(SampleOptions.Usage("dotnet run --project samples/Digits --", defaults));
                return options is null ? 2 : 0;
            }
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;   // "0.5", not "0,5", whatever the machine's language
            var clock = Stopwatch.StartNew();

            // --split-seed fixes which images are held out; --seed fixes the training run: two independent streams
            // drawn from it, one for the initial weights and one for the order of the samples in each epoch.
            var seeds = new SeededRandom(options.Seed);
            int initSeed = seeds.NextInt(int.MaxValue), shuffleSeed = seeds.NextInt(int.MaxValue);

            // 1. Load the data, hold out a stratified fraction (20% by default) of each digit, z-score every pixel with
            //    the training set's statistics (the pixels that are always 0 keep std 1, so they stay 0), one-hot the digits.
            string dataPath = options.ResolveDataPath("digits.csv");
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
            if (data.FeatureCount != DigitsNet.InputSize || data.ClassCount != DigitsNet.OutputSize)
            {
                Console.Error.WriteLine($"error: {dataPath} has {data.FeatureCount} features and {data.ClassCount} classes; DigitsNet needs {DigitsNet.InputSize} and {DigitsNet.OutputSize}.");
                return 1;
            }
            PreparedData split = PreparedData.SplitStratified(data, options.TestFraction, options.SplitSeed);
            Console.WriteLine("Digits: which digit is an 8×8 image of a handwritten digit");
            Console.WriteLine($"data:     {data.Count} images of {data.FeatureCount} pixels, {data.ClassCount} digits ({string.Join("/", data.CountPerClass())}), from {dataPath}");
            Console.WriteLine($"split:    {split.TrainCount} train / {split.TestCount} held-out, stratified " +
                              $"{100 * (1 - options.TestFraction):0.#}/{100 * options.TestFraction:0.#} with split seed {options.SplitSeed}; " +
                              "pixels z-scored with the train set's mean and std");

            // 2. The network, its learning-rate schedule and the mini-batch trainer.
            var net = new DigitsNet(initSeed);
            if (options.LearningRate is double rate) net.LearningRate = rate;   // before the scheduler reads its base rate
            var schedule = new CosineAnnealingLR(net, tMax: options.Epochs);    // from the base rate down to 0 at the last epoch
            var trainer = new MiniBatchTrainer<float>(net, split.TrainInputs, split.TrainTargets, options.BatchSize, shuffleSeed);
            Console.WriteLine($"network:  {DigitsNet.Architecture} ({DigitsNet.ParameterCount} parameters)");
            Console.WriteLine($"training: SGD, momentum 0.9, weight decay 0.001; learning rate {net.LearningRate:G3} on a cosine schedule; " +
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
            Evaluation.PrintConfusionMatrix(Evaluation.ConfusionMatrix(net, split.TestInputs, split.TestLabels, data.ClassCount), DigitNames);
            Console.WriteLine();
            Console.WriteLine($"train accuracy:    {Formatting.Percent(finalTrain)} ({Math.Round(finalTrain * split.TrainCount)}/{split.TrainCount})");
            Console.WriteLine($"held-out accuracy: {Formatting.Percent(finalTest)} ({Math.Round(finalTest * split.TestCount)}/{split.TestCount}), target {Formatting.Percent(TargetAccuracy)}");

            // 4. Save the weights, load them into a fresh network, and check it predicts exactly as the trained one.
            string weightsPath = options.ResolveOutputPath("digits.weights");
            WeightFile.Save(net, weightsPath);
            Console.WriteLine($"saved weights:     {weightsPath} ({new FileInfo(weightsPath).Length} bytes)");
            var reloaded = new DigitsNet();   // different initial weights, until the file replaces them
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
            string chartPath = options.ResolveOutputPath("digits-loss.svg");
            history.ToChart("Digits: training curves",
                            $"64 → 64 (ReLU) → 10 · SGD + cosine LR · {split.TrainCount} train / {split.TestCount} held-out images · held-out accuracy {Formatting.Percent(finalTest)}")
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
