using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Backprop.Generated.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// The reserved names behind BPG007 against what the generator really writes: every member of every snapshot's
    /// generated class must be reserved (else a user member of that name compiles to a duplicate definition instead of
    /// BPG007), and every reserved name must be written by at least one of them (else BPG007 forbids a name for nothing).
    /// The snapshots cover the emitter's paths (see <see cref="SnapshotTests"/>), so together they write every member.
    /// docs/diagnostics.md lists the reserved names for users; that list is checked too.
    /// </summary>
    public class GeneratedNamesTests
    {
        [Fact]
        public void Every_generated_member_is_reserved()
        {
            var unreserved = GeneratedMembers().Where(m => !GeneratedNames.IsReserved(m.Name)).Select(m => m.Name + " (" + m.File + ")").Distinct().ToList();
            Assert.True(unreserved.Count == 0, "Generated but not reserved (add them to GeneratedNames): " + string.Join(", ", unreserved));
        }

        [Fact]
        public void Every_reserved_name_is_generated()
        {
            var written = new HashSet<string>(GeneratedMembers().Select(m => m.Name));
            var unused = GeneratedNames.Members.Where(name => !written.Contains(name)).ToList();
            unused.AddRange(GeneratedNames.Prefixes.Where(prefix => !written.Any(name => name.Length > prefix.Length && name.StartsWith(prefix, System.StringComparison.Ordinal) && char.IsDigit(name[prefix.Length]))).Select(prefix => prefix + "N"));
            Assert.True(unused.Count == 0, "Reserved but written by no snapshot (remove them from GeneratedNames, or snapshot a network that writes them): " + string.Join(", ", unused));
        }

        [Fact]
        public void The_diagnostics_page_lists_every_reserved_name()
        {
            string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
            int start = page.IndexOf("## BPG007", System.StringComparison.Ordinal), end = page.IndexOf("## BPG008", System.StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "docs/diagnostics.md has no BPG007 section before BPG008");
            string section = page.Substring(start, end - start);
            var missing = GeneratedNames.Members.Where(name => !section.Contains("`" + name + "`")).ToList();
            missing.AddRange(GeneratedNames.Prefixes.Where(prefix => !section.Contains("`" + prefix + "{i}")).Select(prefix => prefix + "{i}"));
            Assert.True(missing.Count == 0, "docs/diagnostics.md's BPG007 section does not list: " + string.Join(", ", missing));
        }

        [Fact]
        public void The_check_reads_the_snapshots()
        {
            var members = GeneratedMembers().ToList();
            Assert.Equal(Directory.GetFiles(SnapshotDirectory(), "*.verified.cs").Length, members.Select(m => m.File).Distinct().Count());
            Assert.Contains(members, m => m.Name == "Forward");
            Assert.Contains(members, m => m.Name == "_parameters");
            Assert.Contains(members, m => m.Name == "ForwardLayer0");
        }

        /// <summary>The names the generated network classes declare: methods, properties, fields, constants, events, nested types (not constructors or explicit interface implementations, which cannot clash with a user member's name).</summary>
        private static IEnumerable<(string Name, string File)> GeneratedMembers()
        {
            foreach (string path in Directory.GetFiles(SnapshotDirectory(), "*.verified.cs").OrderBy(p => p, System.StringComparer.Ordinal))
            {
                string file = Path.GetFileName(path);
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
                foreach (ClassDeclarationSyntax network in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Parent is not TypeDeclarationSyntax))
                {
                    foreach (MemberDeclarationSyntax member in network.Members)
                    {
                        foreach (string name in Names(member)) yield return (name, file);
                    }
                }
            }
        }

        private static IEnumerable<string> Names(MemberDeclarationSyntax member) => member switch
        {
            MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null => new[] { m.Identifier.ValueText },
            PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null => new[] { p.Identifier.ValueText },
            EventDeclarationSyntax e when e.ExplicitInterfaceSpecifier is null => new[] { e.Identifier.ValueText },
            BaseFieldDeclarationSyntax f => f.Declaration.Variables.Select(v => v.Identifier.ValueText),
            BaseTypeDeclarationSyntax t => new[] { t.Identifier.ValueText },
            _ => System.Array.Empty<string>(),
        };

        private static string SnapshotDirectory([CallerFilePath] string thisFile = "")
            => Path.Combine(Path.GetDirectoryName(thisFile)!, Infrastructure.Snapshot.DirectoryName);

        // This file is tests/Backprop.Generated.Tests/GeneratedNamesTests.cs.
        private static string RepositoryRoot([CallerFilePath] string thisFile = "")
            => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
    }
}
