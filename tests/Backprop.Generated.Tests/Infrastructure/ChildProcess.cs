using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace Backprop.Generated.Tests.Infrastructure
{
    /// <summary>
    /// Runs this test assembly as a program (<see cref="Program"/>) in a child process with extra environment variables:
    /// the JIT reads DOTNET_EnableAVX512 and DOTNET_PreferredVectorBitWidth at start-up, so a kernel path that this
    /// machine would not take is tested in a process of its own.
    /// </summary>
    public static class ChildProcess
    {
        /// <summary>Runs the check named by <paramref name="argument"/>; fails the test unless it exits 0 within two minutes, and returns what it printed.</summary>
        public static async Task<string> Run(string argument, IReadOnlyDictionary<string, string> environment)
        {
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
            start.ArgumentList.Add(argument);
            foreach (KeyValuePair<string, string> variable in environment) start.Environment[variable.Key] = variable.Value;
            using Process process = Process.Start(start)!;
            Task<string> standardOutput = process.StandardOutput.ReadToEndAsync(), standardError = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the child process did not finish in two minutes");
            }
            string output = await standardOutput, error = await standardError;
            Assert.True(process.ExitCode == 0, "exit code " + process.ExitCode + ": " + error + output);
            return output.Trim();
        }
    }
}
