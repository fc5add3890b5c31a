using System.Text;

namespace Simd.Generators.Emit
{
    /// <summary>A small indenting writer for generated source.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private int indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                builder.Append(' ', indent * 4);
            }

            builder.Append(text).Append('\n');
            return this;
        }

        public CodeWriter Open(string text)
        {
            Line(text);
            Line("{");
            indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            indent--;
            Line("}" + suffix);
            return this;
        }

        public override string ToString() => builder.ToString();
    }
}
