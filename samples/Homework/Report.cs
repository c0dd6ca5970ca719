using System;
using System.Collections.Generic;
using System.Globalization;

namespace Homework
{
    /// <summary>
    /// Prints the comparison tables and keeps the tally. Each row compares a value computed by a generated network
    /// with the correct value (from PyTorch or from the maths) and, where the problem set worked it by hand, with the
    /// hand-worked value as written there.
    /// </summary>
    internal sealed class Report
    {
        /// <summary>The agreement asked for in double: |generated − correct| ≤ 1e-9·max(1, |correct|).</summary>
        public const double Tolerance = 1e-9;

        // Column widths; the note gets what is left of 100 columns.
        private const int QuantityWidth = 25;
        private const int NumberWidth = 15;
        private const int HandWidth = 9;
        private const int LineWidth = 100;
        private const int NoteWidth = LineWidth - QuantityWidth - 2 * NumberWidth - HandWidth - 4 * 3;

        private readonly List<string> _mismatches = new List<string>();
        private string _heading = "";

        public int Checked { get; private set; }
        public int Agreed { get; private set; }
        public int HandCompared { get; private set; }
        public int HandWrong { get; private set; }
        public int HandConvention { get; private set; }
        public IReadOnlyList<string> Mismatches => _mismatches;

        /// <summary>The largest |generated − correct| over every value checked.</summary>
        public double LargestError { get; private set; }

        /// <summary>What the columns mean, printed once at the start.</summary>
        public static void Legend()
        {
            Console.WriteLine("The hand-worked problems of the five problem sets, recomputed by networks that Backprop.Generated");
            Console.WriteLine("wrote from their attribute declarations (see Networks.cs).");
            Console.WriteLine("  generated  the value computed by a generated network");
            Console.WriteLine("  correct    PyTorch's value (note \"PyTorch\") or the maths; the generated value agrees");
            Console.WriteLine("             when |generated − correct| ≤ 1e-9·max(1, |correct|)");
            Console.WriteLine("  hand       the problem set's value as written, shown only when it is wrong; it agrees when the");
            Console.WriteLine("             correct value rounds to it at the digits written");
            Console.WriteLine("  name [n]   a row that checks n values and shows the one furthest from its correct value");
        }

        /// <summary>Starts a problem: its file and number, then the column headings.</summary>
        public void Problem(string file, string problem)
        {
            Heading(file, problem);
            Row("quantity", "generated", "correct", "hand", "note");
            Console.WriteLine(new string('-', LineWidth));
        }

        /// <summary>A problem that has nothing to check, with the reason.</summary>
        public void Skipped(string file, string problem, string reason)
        {
            Heading(file, problem);
            Note(reason);
        }

        private void Heading(string file, string problem)
        {
            _heading = file + " " + problem;
            Console.WriteLine();
            Console.WriteLine(_heading);
            Console.WriteLine(new string('=', Math.Min(LineWidth, _heading.Length)));
        }

        /// <summary>
        /// One value. <paramref name="hand"/> is the hand-worked value exactly as the problem set writes it (or null);
        /// it agrees when it is the correct value rounded to the digits written. The hand column shows it only when it
        /// is wrong. <paramref name="handConvention"/> marks a hand value that differs only by a convention.
        /// </summary>
        public void Value(string quantity, double generated, double correct, string? hand = null, string? note = null, bool handConvention = false)
        {
            bool agrees = Agrees(generated, correct);
            Tally(quantity, agrees, 1, generated, correct);
            string handShown = "";
            string status = "";
            if (hand is not null)
            {
                HandCompared++;
                if (HandAgrees(hand, correct)) status = "hand agrees";
                else
                {
                    handShown = hand;
                    if (handConvention) { HandConvention++; status = "hand: convention"; }
                    else { HandWrong++; status = "HAND WRONG"; }
                }
            }
            Emit(quantity, Format(generated), Format(correct), handShown, agrees, status, note);
        }

        /// <summary>
        /// Several values of one tensor in one row: every element is checked and counted, and the row shows the element
        /// whose generated value is furthest from the correct one. <paramref name="hand"/>, if given, holds one written
        /// hand value per element; the first wrong one (if any) is shown.
        /// </summary>
        public void Values(string quantity, ReadOnlySpan<double> generated, ReadOnlySpan<double> correct, string[]? hand = null, string? note = null)
        {
            if (generated.Length != correct.Length) throw new ArgumentException("generated and correct differ in length: " + quantity);
            if (hand is not null && hand.Length != correct.Length) throw new ArgumentException("hand and correct differ in length: " + quantity);
            int worst = 0;
            double worstError = -1;
            int agreeing = 0;
            for (int i = 0; i < correct.Length; i++)
            {
                double error = Math.Abs(generated[i] - correct[i]);
                if (Agrees(generated[i], correct[i])) agreeing++;
                if (error > worstError || double.IsNaN(error)) { worstError = double.IsNaN(error) ? double.PositiveInfinity : error; worst = i; }
            }
            Tally(quantity, agreeing == correct.Length, correct.Length, generated[worst], correct[worst], agreeing);
            string handShown = "";
            string status = "";
            if (hand is not null)
            {
                int wrong = 0;
                for (int i = 0; i < hand.Length; i++)
                {
                    HandCompared++;
                    if (!HandAgrees(hand[i], correct[i]))
                    {
                        if (wrong == 0) handShown = hand[i];
                        wrong++;
                    }
                }
                HandWrong += wrong;
                status = wrong == 0 ? "hand agrees" : "HAND WRONG (" + wrong + " of " + hand.Length + ")";
            }
            Emit(quantity + " [" + correct.Length + "]", Format(generated[worst]), Format(correct[worst]), handShown,
                agreeing == correct.Length, status, note);
        }

        /// <summary>A paragraph under the table, wrapped to the line width.</summary>
        public void Note(string text)
        {
            foreach (string line in Wrap(text, LineWidth - 2)) Console.WriteLine("  " + line);
        }

        /// <summary>The summary line and the list of any generated value that disagrees with the correct one.</summary>
        public void Summary()
        {
            Console.WriteLine();
            foreach (string m in _mismatches) Console.WriteLine("MISMATCH " + m);
            Console.WriteLine("Homework: " + Checked + " values checked, " + Agreed + " agree with the correct value; "
                + HandWrong + " hand-worked values were wrong (see notes)");
            string convention = HandConvention == 0 ? ""
                : ", " + HandConvention + " more " + (HandConvention == 1 ? "differs" : "differ") + " by convention";
            Console.WriteLine("(" + HandCompared + " hand values compared" + convention + "; max |generated − correct| "
                + LargestError.ToString("G2", CultureInfo.InvariantCulture) + ")");
        }

        public static bool Agrees(double generated, double correct)
            => Math.Abs(generated - correct) <= Tolerance * Math.Max(1.0, Math.Abs(correct));

        /// <summary>A written hand value agrees when the correct value rounds to it at the number of decimals written.</summary>
        public static bool HandAgrees(string hand, double correct)
        {
            double value = double.Parse(hand, NumberStyles.Float, CultureInfo.InvariantCulture);
            int dot = hand.IndexOf('.');
            int decimals = dot < 0 ? 0 : hand.Length - dot - 1;
            double halfUnit = 0.5 * Math.Pow(10, -decimals);
            return Math.Abs(value - correct) <= halfUnit * (1 + 1e-9) + 1e-15;
        }

        public static string Format(double value)
        {
            if (value == 0) return "0";   // also prints −0 as 0, as the oracle files do
            return value.ToString("G10", CultureInfo.InvariantCulture);
        }

        private void Tally(string quantity, bool agrees, int count, double generated, double correct, int agreeing = -1)
        {
            Checked += count;
            LargestError = Math.Max(LargestError, Math.Abs(generated - correct));
            Agreed += agreeing < 0 ? (agrees ? count : 0) : agreeing;
            if (!agrees)
            {
                _mismatches.Add(_heading + ": " + quantity + ": generated " + generated.ToString("R", CultureInfo.InvariantCulture)
                    + ", correct " + correct.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        private static void Emit(string quantity, string generated, string correct, string hand, bool agrees, string status, string? note)
        {
            var parts = new List<string>();
            if (!agrees) parts.Add("MISMATCH");
            if (status.Length > 0) parts.Add(status);
            if (note is not null) parts.Add(note);
            string text = string.Join("; ", parts);
            List<string> lines = Wrap(text, NoteWidth);
            Row(quantity, generated, correct, hand, lines.Count > 0 ? lines[0] : "");
            string indent = new string(' ', LineWidth - NoteWidth);
            for (int i = 1; i < lines.Count; i++) Console.WriteLine(indent + lines[i]);
        }

        private static void Row(string quantity, string generated, string correct, string hand, string note)
        {
            string line = quantity.PadRight(QuantityWidth) + " | " + generated.PadLeft(NumberWidth) + " | " + correct.PadLeft(NumberWidth)
                + " | " + hand.PadLeft(HandWidth) + " | " + note;
            Console.WriteLine(line.TrimEnd());
        }

        private static List<string> Wrap(string text, int width)
        {
            var lines = new List<string>();
            string current = "";
            foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (current.Length == 0) current = word;
                else if (current.Length + 1 + word.Length <= width) current += " " + word;
                else { lines.Add(current); current = word; }
            }
            if (current.Length > 0) lines.Add(current);
            return lines;
        }
    }
}
