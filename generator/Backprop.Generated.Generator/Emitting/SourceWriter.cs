using System.Text;

namespace Backprop.Generated.Generator
{
    /// <summary>A small indenting writer over a <see cref="StringBuilder"/>; always writes '\n' line ends.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes each line of <paramref name="text"/> at the current indentation.</summary>
        public SourceWriter Lines(string text)
        {
            foreach (string line in text.Split('\n')) Line(line.TrimEnd('\r'));
            return this;
        }

        public SourceWriter Open(string text)
        {
            Line(text);
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Open()
        {
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
