using System;
using System.Threading;

namespace Backprop.Generated.Tests.Infrastructure
{
    /// <summary>Managed-heap bytes an operation allocates on the calling thread once it has warmed up.</summary>
    public static class Allocations
    {
        /// <summary>
        /// Runs <paramref name="action"/> 50 times, waits 250 ms, twice over, then returns the bytes the current thread
        /// allocates over <paramref name="repetitions"/> further calls. The warm-up keeps first-call costs (type loading,
        /// static initialization) and tier-0 code out of the measurement: 30 calls queue a method for its optimized tier
        /// after a ~100 ms delay, and the waits let that compilation finish, so the measured calls run the code users run
        /// in steady state.
        /// </summary>
        public static long Measure(Action action, int repetitions = 200)
        {
            for (int round = 0; round < 2; round++)
            {
                for (int i = 0; i < 50; i++) action();
                Thread.Sleep(250);
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < repetitions; i++) action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
