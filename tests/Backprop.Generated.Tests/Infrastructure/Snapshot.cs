using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Backprop.Generated.Tests.Infrastructure
{
    /// <summary>One file a snapshot test compares: its name after the test's prefix (e.g. "#Demo.IrisNet.g.verified.cs") and its text.</summary>
    public sealed record SnapshotTarget(string Suffix, string Text);

    /// <summary>
    /// A small snapshot helper that follows the conventions of Verify and Verify.SourceGenerators, so that moving to
    /// Verify later changes a call, not the files:
    /// <list type="bullet">
    /// <item>each generated source is <c>{TestClass}.{TestMethod}#{hint name without its last extension}.verified.cs</c> and
    /// starts with a <c>//HintName: {hint name}</c> line (as Verify.SourceGenerators names and writes it: a hint name
    /// <c>Demo.IrisNet.g.cs</c> gives <c>SnapshotTests.Iris#Demo.IrisNet.g.verified.cs</c>);</item>
    /// <item>the generator's diagnostics, when there are any, are <c>{TestClass}.{TestMethod}.verified.txt</c> in the layout of
    /// Verify.SourceGenerators' DiagnosticConverter;</item>
    /// <item>the files live in <c>Snapshots/</c> beside the test's source file (found with <see cref="CallerFilePathAttribute"/>,
    /// as Verify's <c>UseDirectory("Snapshots")</c>), so accepted files land in the repository, not in bin/.</item>
    /// </list>
    /// Texts are compared after normalizing line ends to \n, stripping a leading BOM and scrubbing the generator version.
    /// On a mismatch, or when no verified file exists, the new text is written to <c>*.received.*</c> beside it and the test
    /// fails with a unified diff. With <c>BACKPROP_ACCEPT_SNAPSHOTS=1</c> the verified files are overwritten instead
    /// (Verify's AutoVerify), except when <c>CI=true</c>: CI can never accept silently. A verified file with the test's
    /// prefix that the test no longer produces fails the test too (and is deleted when accepting).
    /// </summary>
    public static class Snapshot
    {
        /// <summary>Set to 1 (or true) to overwrite verified files instead of failing. Ignored when <see cref="CiVariable"/> is true.</summary>
        public const string AcceptVariable = "BACKPROP_ACCEPT_SNAPSHOTS";

        /// <summary>Set to true by CI services (GitHub Actions, Azure Pipelines, GitLab...): disables <see cref="AcceptVariable"/>.</summary>
        public const string CiVariable = "CI";

        /// <summary>The folder, beside the test source file, that holds the snapshots.</summary>
        public const string DirectoryName = "Snapshots";

        /// <summary>The most diff lines a failure shows.</summary>
        public const int MaxDiffLines = 60;

        /// <summary>What the generator version in <c>[GeneratedCode]</c> is replaced with.</summary>
        public const string ScrubbedVersion = "VERSION";

        private static readonly Regex GeneratedCodeVersion = new(
            @"(GeneratedCode(?:Attribute)?\(\s*""Backprop\.Generated\.Generator""\s*,\s*"")[^""]*("")", RegexOptions.CultureInvariant);

        /// <summary>
        /// Snapshots every source the generator produced, and its diagnostics if any, under the calling test's name.
        /// Call it from the test method itself: the class name is taken from the file name, the method from the caller.
        /// </summary>
        public static void VerifyGenerated(GeneratorOutput output, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testMethod = "")
        {
            Match(Directory(sourceFile), TestClass(sourceFile) + "." + testMethod, Targets(output.RunResult), Environment.GetEnvironmentVariable);
        }

        /// <summary>The files <see cref="VerifyGenerated"/> compares for one run: the sources by hint name, then the diagnostics.</summary>
        public static IReadOnlyList<SnapshotTarget> Targets(GeneratorDriverRunResult run)
        {
            var targets = new List<SnapshotTarget>();
            foreach (GeneratedSourceResult source in run.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
            {
                // Verify.SourceGenerators names a target after the generated tree's file name without its extension
                // (the tree's path ends with the hint name), and keeps that extension as the snapshot's.
                string hint = source.HintName;
                string extension = Path.GetExtension(hint).TrimStart('.');
                if (extension.Length == 0) extension = "cs";
                targets.Add(new SnapshotTarget(
                    "#" + Path.GetFileNameWithoutExtension(hint) + ".verified." + extension,
                    "//HintName: " + hint + "\n" + Scrub(source.SourceText.ToString())));
            }
            if (!run.Diagnostics.IsEmpty) targets.Add(new SnapshotTarget(".verified.txt", FormatDiagnostics(run.Diagnostics)));
            return targets;
        }

        /// <summary>Replaces the generator's version in <c>[GeneratedCode("Backprop.Generated.Generator", "…")]</c> with <see cref="ScrubbedVersion"/>.</summary>
        public static string Scrub(string text) => GeneratedCodeVersion.Replace(text, "${1}" + ScrubbedVersion + "${2}");

        /// <summary>Line ends to \n and no leading BOM: what two snapshot texts are compared as.</summary>
        public static string Normalize(string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            return text.Replace("\r\n", "\n").Replace('\r', '\n');
        }

        /// <summary>
        /// Compares <paramref name="targets"/> with the verified files named <c>{prefix}{suffix}</c> in <paramref name="directory"/>;
        /// throws <see cref="XunitException"/> on any difference. <paramref name="environment"/> reads the accept and CI
        /// variables (tests pass their own, so that they never touch the process environment).
        /// </summary>
        public static void Match(string directory, string prefix, IReadOnlyList<SnapshotTarget> targets, Func<string, string?> environment)
        {
            if (!System.IO.Directory.Exists(directory))
            {
                throw new XunitException("The snapshot folder " + directory + " does not exist. It is found from the test's [CallerFilePath]: " +
                    "create it, or check that the build does not map source paths (PathMap, ContinuousIntegrationBuild).");
            }
            bool ci = IsTrue(environment(CiVariable));
            bool acceptRequested = IsTrue(environment(AcceptVariable));
            bool accept = acceptRequested && !ci;

            if (targets.Select(t => t.Suffix).Distinct(StringComparer.OrdinalIgnoreCase).Count() != targets.Count)
            {
                throw new XunitException("Two snapshot targets of " + prefix + " have the same file name: " + string.Join(", ", targets.Select(t => t.Suffix)));
            }

            var failures = new List<string>();
            var expectedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (SnapshotTarget target in targets)
            {
                string verifiedPath = Path.Combine(directory, prefix + target.Suffix);
                string receivedPath = ReceivedPath(verifiedPath);
                expectedNames.Add(Path.GetFileName(verifiedPath));
                string received = Normalize(target.Text);
                string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

                if (verified == received)
                {
                    if (File.Exists(receivedPath)) File.Delete(receivedPath);
                    continue;
                }
                if (accept)
                {
                    File.WriteAllText(verifiedPath, received, Utf8NoBom);
                    if (File.Exists(receivedPath)) File.Delete(receivedPath);
                    continue;
                }
                File.WriteAllText(receivedPath, received, Utf8NoBom);
                var message = new StringBuilder();
                message.Append(verified is null ? "No verified snapshot " : "The snapshot differs from ").Append(verifiedPath).Append('\n');
                message.Append("Received: ").Append(receivedPath).Append('\n');
                message.Append(UnifiedDiff(verified ?? "", received, verified is null ? "/dev/null" : Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath), MaxDiffLines));
                failures.Add(message.ToString());
            }

            // Verified files of this test that it no longer produces (a source that is gone, diagnostics that went away).
            foreach (string stale in System.IO.Directory.EnumerateFiles(directory, prefix + "*")
                .Where(p => IsOwnVerifiedFile(Path.GetFileName(p), prefix) && !expectedNames.Contains(Path.GetFileName(p)))
                .OrderBy(p => p, StringComparer.Ordinal))
            {
                if (accept) File.Delete(stale);
                else failures.Add("The verified snapshot " + stale + " is no longer produced by the test: delete it, or accept with " + AcceptVariable + "=1.\n");
            }

            if (failures.Count == 0) return;
            string advice = acceptRequested && ci
                ? AcceptVariable + " is set but ignored because " + CiVariable + "=true: snapshots are never accepted on CI."
                : "If the new output is right, accept it: run the tests again with " + AcceptVariable + "=1 (or move the .received. file onto the .verified. one).";
            throw new XunitException(string.Join("\n", failures) + "\n" + advice);
        }

        /// <summary>The received file beside a verified one: <c>x.verified.cs</c> → <c>x.received.cs</c>.</summary>
        public static string ReceivedPath(string verifiedPath)
        {
            string name = Path.GetFileName(verifiedPath);
            int at = name.LastIndexOf(".verified.", StringComparison.Ordinal);
            return Path.Combine(Path.GetDirectoryName(verifiedPath) ?? "", name.Substring(0, at) + ".received." + name.Substring(at + ".verified.".Length));
        }

        /// <summary>
        /// A unified diff (3 lines of context) from <paramref name="before"/> to <paramref name="after"/>, both already normalized,
        /// cut after <paramref name="maxLines"/> lines. Empty when they are equal.
        /// </summary>
        public static string UnifiedDiff(string before, string after, string beforeName, string afterName, int maxLines)
        {
            const int context = 3;
            string[] a = SplitLines(before), b = SplitLines(after);
            List<(char Op, int A, int B)> edits = Edits(a, b);
            if (edits.All(e => e.Op == ' ')) return "";

            var lines = new List<string> { "--- " + beforeName, "+++ " + afterName };
            List<int> changes = Enumerable.Range(0, edits.Count).Where(k => edits[k].Op != ' ').ToList();
            int c = 0;
            while (c < changes.Count)
            {
                // One hunk: changes at most 2·context unchanged lines apart, with context lines around them.
                int first = changes[c], last = first;
                while (c + 1 < changes.Count && changes[c + 1] - last - 1 <= 2 * context) last = changes[++c];
                c++;
                int start = Math.Max(0, first - context), stop = Math.Min(edits.Count, last + context + 1);
                int aCount = 0, bCount = 0, aStart = -1, bStart = -1;
                for (int k = start; k < stop; k++)
                {
                    if (edits[k].Op != '+') { if (aStart < 0) aStart = edits[k].A; aCount++; }
                    if (edits[k].Op != '-') { if (bStart < 0) bStart = edits[k].B; bCount++; }
                }
                // An empty side names the line before the hunk (0 at the top): the position Edits gave the first edit.
                lines.Add("@@ -" + Range(aCount > 0 ? aStart : edits[start].A, aCount) + " +" + Range(bCount > 0 ? bStart : edits[start].B, bCount) + " @@");
                for (int k = start; k < stop; k++)
                {
                    (char op, int ai, int bi) = edits[k];
                    lines.Add(op + (op == '+' ? b[bi] : a[ai]));
                }
            }

            var text = new StringBuilder();
            foreach (string line in lines.Take(maxLines)) text.Append(line).Append('\n');
            if (lines.Count > maxLines) text.Append("... ").Append((lines.Count - maxLines).ToString(CultureInfo.InvariantCulture)).Append(" more diff lines not shown\n");
            return text.ToString();
        }

        private static string Range(int index, int count) => count switch
        {
            0 => (index + 1).ToString(CultureInfo.InvariantCulture) + ",0",
            1 => (index + 1).ToString(CultureInfo.InvariantCulture),
            _ => (index + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>The edit script of a longest common subsequence: ' ' kept, '-' only in a, '+' only in b, with the line indices.</summary>
        private static List<(char Op, int A, int B)> Edits(string[] a, string[] b)
        {
            int prefix = 0;
            while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
            int suffix = 0;
            while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix]) suffix++;
            int n = a.Length - prefix - suffix, m = b.Length - prefix - suffix;

            var edits = new List<(char, int, int)>();
            for (int k = 0; k < prefix; k++) edits.Add((' ', k, k));
            if ((long)n * m > 16_000_000)
            {
                // Too large to align line by line: show the middle as replaced.
                for (int k = 0; k < n; k++) edits.Add(('-', prefix + k, -1));
                for (int k = 0; k < m; k++) edits.Add(('+', -1, prefix + k));
            }
            else
            {
                // lcs[i, j]: the LCS length of a[prefix + i..] and b[prefix + j..] (within the middle).
                var lcs = new int[n + 1, m + 1];
                for (int i = n - 1; i >= 0; i--)
                {
                    for (int j = m - 1; j >= 0; j--)
                    {
                        lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                    }
                }
                int x = 0, y = 0;
                while (x < n || y < m)
                {
                    if (x < n && y < m && a[prefix + x] == b[prefix + y]) { edits.Add((' ', prefix + x, prefix + y)); x++; y++; }
                    else if (y < m && (x == n || lcs[x, y + 1] > lcs[x + 1, y])) { edits.Add(('+', -1, prefix + y)); y++; }
                    else { edits.Add(('-', prefix + x, -1)); x++; }
                }
            }
            for (int k = suffix; k > 0; k--) edits.Add((' ', a.Length - k, b.Length - k));

            // Give every '+' the a-position it sits at and every '-' its b-position, for the hunk headers.
            int lastA = -1, lastB = -1;
            for (int k = 0; k < edits.Count; k++)
            {
                (char op, int ai, int bi) = edits[k];
                if (op != '+') lastA = ai;
                if (op != '-') lastB = bi;
                edits[k] = (op, op == '+' ? lastA : ai, op == '-' ? lastB : bi);
            }
            return edits;
        }

        private static string[] SplitLines(string text)
        {
            if (text.Length == 0) return Array.Empty<string>();
            string[] lines = text.Split('\n');
            // A final '\n' ends the last line rather than starting an empty one; a last line without one is marked as
            // diff marks it, so that texts that differ only there still show a difference.
            if (text.EndsWith('\n')) return lines.Take(lines.Length - 1).ToArray();
            lines[^1] += "\n\\ No newline at end of file";
            return lines;
        }

        /// <summary>The generator's diagnostics, laid out as Verify.SourceGenerators writes them (empty values left out).</summary>
        public static string FormatDiagnostics(IEnumerable<Diagnostic> diagnostics)
        {
            var text = new StringBuilder("{\n  Diagnostics: [\n");
            bool first = true;
            foreach (Diagnostic d in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                if (!first) text.Append(",\n");
                first = false;
                DiagnosticDescriptor descriptor = d.Descriptor;
                var fields = new List<(string Name, string? Value)>
                {
                    ("Id", d.Id),
                    ("Title", descriptor.Title.ToString(CultureInfo.InvariantCulture)),
                    ("Severity", d.Severity.ToString()),
                    ("WarningLevel", d.WarningLevel == 0 ? null : d.WarningLevel.ToString(CultureInfo.InvariantCulture)),
                    ("Location", d.Location.GetMappedLineSpan().ToString()),
                    ("Description", descriptor.Description.ToString(CultureInfo.InvariantCulture)),
                    ("HelpLink", descriptor.HelpLinkUri),
                    ("MessageFormat", descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture)),
                    ("Message", d.GetMessage(CultureInfo.InvariantCulture)),
                    ("Category", descriptor.Category),
                };
                text.Append("    {\n");
                text.Append(string.Join(",\n", fields.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => "      " + f.Name + ": " + f.Value)));
                text.Append("\n    }");
            }
            return text.Append("\n  ]\n}").ToString();
        }

        private static bool IsOwnVerifiedFile(string name, string prefix)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) return false;
            string rest = name.Substring(prefix.Length);
            // "{prefix}#{name}.verified.{ext}" or "{prefix}.verified.{ext}"; not "{prefix}Longer.verified.cs" of another test.
            return (rest.StartsWith("#", StringComparison.Ordinal) || rest.StartsWith(".verified.", StringComparison.Ordinal))
                && rest.Contains(".verified.", StringComparison.Ordinal);
        }

        private static bool IsTrue(string? value) => value != null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

        private static string TestClass(string sourceFile) => Path.GetFileNameWithoutExtension(sourceFile);

        private static string Directory(string sourceFile) => Path.Combine(Path.GetDirectoryName(sourceFile) ?? "", DirectoryName);

        private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    }
}
