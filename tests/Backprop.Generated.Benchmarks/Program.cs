using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>
    /// <c>--verify</c>: checks that the four implementations of every network agree, prints how closely, and exits
    /// (non-zero on a disagreement). Anything else goes to BenchmarkDotNet (e.g. <c>--filter '*N2*'</c>); every
    /// benchmark's global setup runs the same check for its network first.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            if (args.Contains("--verify"))
            {
                try
                {
                    Verification.VerifyAll(Console.Out);
                    Console.WriteLine("All implementations agree.");
                    return 0;
                }
                catch (InvalidOperationException e)
                {
                    Console.Error.WriteLine("Verification failed: " + e.Message);
                    return 1;
                }
            }
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
    }
}
