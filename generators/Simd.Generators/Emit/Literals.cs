using System;
using System.Globalization;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>Exact C# spellings of floating-point constants.</summary>
    internal static class Literals
    {
        /// <summary>
        /// A literal that denotes exactly <paramref name="value"/> as <paramref name="element"/>: G9/G17 digits
        /// always round-trip, and the specials (NaN, infinities, −0) get their named or signed forms.
        /// </summary>
        public static string Of(double value, ElementType element)
        {
            string keyword = element.Keyword();
            if (double.IsNaN(value))
            {
                return keyword + ".NaN";
            }

            if (double.IsPositiveInfinity(value))
            {
                return keyword + ".PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return keyword + ".NegativeInfinity";
            }

            if (value == 0 && BitConverter.DoubleToInt64Bits(value) < 0)
            {
                return element == ElementType.Single ? "-0.0f" : "-0.0d";
            }

            string digits = element == ElementType.Single
                ? ((float)value).ToString("G9", CultureInfo.InvariantCulture)
                : value.ToString("G17", CultureInfo.InvariantCulture);
            if (digits.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
            {
                digits += ".0";
            }

            string literal = digits + (element == ElementType.Single ? "f" : "d");
            return value < 0 ? "(" + literal + ")" : literal;
        }

        /// <summary>A literal of <paramref name="type"/> (<c>int</c> or <c>long</c>) with exactly <paramref name="value"/>.</summary>
        public static string Integer(long value, ElementType type)
        {
            if (type == ElementType.Int32)
            {
                return value == int.MinValue ? "int.MinValue" : value < 0 ? "(" + value.ToString(CultureInfo.InvariantCulture) + ")" : value.ToString(CultureInfo.InvariantCulture);
            }

            return value == long.MinValue ? "long.MinValue" : value < 0 ? "(" + value.ToString(CultureInfo.InvariantCulture) + "L)" : value.ToString(CultureInfo.InvariantCulture) + "L";
        }
    }
}
