using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Backprop.Generated;

namespace Backprop.Samples
{
    /// <summary>
    /// The workflow both data samples share, for any generated classifier: load a CSV, split and standardize it, train in
    /// shuffled mini-batches on a cosine learning-rate schedule while printing one line per epoch, report the held-out
    /// confusion matrix and accuracies, save and reload the weights, and draw the training curves as SVG.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network: it has a loss and an optimizer.</typeparam>
    public sealed class ClassificationSample<TNetwork> where TNetwork : ISupervisedNetwork<float>
    {
        /// <summary>The held-out accuracy the sample must reach to pass.</summary>
        public double TargetAccuracy { get; init; } = 0.95;

        /// <summary>The first line printed, e.g. "Iris: which species is a flower, from 4 measurements".</summary>
        public required string Title { get; init; }

        /// <summary>The sample's project folder, for the usage line: "samples/Iris".</summary>
        public required string Project { get; init; }

        /// <summary>The CSV file next to the program: "iris.csv".</summary>
        public required string DataFile { get; init; }

        /// <summary>The file stem of the weights and the chart: "iris" gives iris.weights and iris-loss.svg.</summary>
        public required string OutputStem { get; init; }

        /// <summary>What one sample is, in the plural: "flowers".</summary>
        public required string Items { get; init; }

        /// <summary>The class names, in label order.</summary>
        public required string[] ClassNames { get; init; }

        /// <summary>How the network is trained, in words, for the log: "SGD, momentum 0.9, weight decay 0.01".</summary>
        public required string Training { get; init; }

        /// <summary>The layers, short, for the chart's subtitle: "4 → 16 (ReLU) → 3".</summary>
        public required string Shape { get; init; }

        /// <summary>The defaults of the command-line options.</summary>
        public required SampleOptions Defaults { get; init; }

        /// <summary>Creates the network from a seed for its initial weights.</summary>
        public required Func<int, TNetwork> Create { get; init; }

        /// <summary>
        /// Runs the sample. Returns 0 when the held-out accuracy reaches the target and the reloaded network matches the
        /// trained one, 1 when not (or when the data cannot be read), 2 for a command-line mistake.
        /// </summary>
        public int Run(string[] args)
        {
            SampleOptions? options = SampleOptions.Parse(args, Defaults, out string? error);
            if (options is null || options.ShowHelp)
            {
                if (error != null) Console.Error.WriteLine($"error: {error}");
                (error != null ? Console.Error : Console.Out).WriteLine(SampleOptions.Usage($"dotnet run --project {Project} --", Defaults));
                return options is null ? 2 : 0;
            }
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;   // "0.5", not "0,5", whatever the machine's language
            var clock = Stopwatch.StartNew();

            // --split-seed fixes which samples are held out; --seed fixes the training run: two independent streams
            // drawn from it, one for the initial weights and one for the order of the samples in each epoch.
            var seeds = new SeededRandom(options.Seed);
            int initSeed = seeds.NextInt(int.MaxValue), shuffleSeed = seeds.NextInt(int.MaxValue);

            // 1. Load the data, hold out a stratified fraction (20% by default) of each class, z-score every feature with
            //    the training set's statistics (a constant feature keeps std 1, so it stays 0), one-hot the classes.
            string dataPath = options.ResolveDataPath(DataFile);
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
            TNetwork net = Create(initSeed);
            if (data.FeatureCount != net.InputSize || data.ClassCount != net.OutputSize)
            {
                Console.Error.WriteLine($"error: {dataPath} has {data.FeatureCount} features and {data.ClassCount} classes; the network needs {net.InputSize} and {net.OutputSize}.");
                return 1;
            }
            PreparedData split = PreparedData.SplitStratified(data, options.TestFraction, options.SplitSeed);
            Console.WriteLine(Title);
            Console.WriteLine($"data:     {data.Count} {Items}, {data.FeatureCount} features, {data.ClassCount} classes ({string.Join("/", data.CountPerClass())}), from {dataPath}");
            Console.WriteLine($"split:    {split.TrainCount} train / {split.TestCount} held-out, stratified " +
                              $"{100 * (1 - options.TestFraction):0.#}/{100 * options.TestFraction:0.#} with split seed {options.SplitSeed}; " +
                              "features z-scored with the train set's mean and std");

            // 2. The learning-rate schedule and the mini-batch trainer.
            if (options.LearningRate is double rate) net.LearningRate = rate;   // before the scheduler reads its base rate
            var schedule = new CosineAnnealingLR(net, tMax: options.Epochs);    // from the base rate down to 0 at the last epoch
            var trainer = new MiniBatchTrainer<float>(net, split.TrainInputs, split.TrainTargets, options.BatchSize, shuffleSeed);
            Console.WriteLine($"network:  {net.Architecture} ({net.ParameterCount} parameters)");
            Console.WriteLine($"training: {Training}; learning rate {net.LearningRate:G3} on a cosine schedule; " +
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
            Evaluation.PrintConfusionMatrix(Evaluation.ConfusionMatrix(net, split.TestInputs, split.TestLabels, data.ClassCount), ClassNames);
            Console.WriteLine();
            Console.WriteLine($"train accuracy:    {Formatting.Percent(finalTrain)} ({Math.Round(finalTrain * split.TrainCount)}/{split.TrainCount})");
            Console.WriteLine($"held-out accuracy: {Formatting.Percent(finalTest)} ({Math.Round(finalTest * split.TestCount)}/{split.TestCount}), target {Formatting.Percent(TargetAccuracy)}");

            // 4. Save the weights, load them into a fresh network, and check it predicts exactly as the trained one.
            string weightsPath = options.ResolveOutputPath(OutputStem + ".weights");
            WeightFile.Save(net, weightsPath);
            Console.WriteLine($"saved weights:     {weightsPath} ({new FileInfo(weightsPath).Length} bytes)");
            TNetwork reloaded = Create(0);   // different initial weights, until the file replaces them
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
            string chartPath = options.ResolveOutputPath(OutputStem + "-loss.svg");
            string name = Title.Split(':')[0];
            history.ToChart($"{name}: training curves",
                            $"{Shape} · SGD + cosine LR · {split.TrainCount} train / {split.TestCount} held-out {Items} · held-out accuracy {Formatting.Percent(finalTest)}")
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
