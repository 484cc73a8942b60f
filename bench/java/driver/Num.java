package driver;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers printed as the shell script's awk and printf printed them, so that old and new reports
 * read alike: C's {@code %.Nf} rounds the double's exact binary value half to even (0.15 is
 * 0.1499… and gives "0.1", 2.5 gives "2"), where Java's {@code String.format} rounds its shortest
 * decimal form half up.
 */
final class Num {
    private Num() {
    }

    /** C's {@code printf "%.<digits>f"}, "-0" included. */
    static String fixed(double value, int digits) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }

    /** awk's {@code print} of a number (OFMT {@code %.6g}): six significant digits. */
    static double sixDigits(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
    }

    /** printf {@code %+d}: +3, +0, -8. */
    static String signed(long value) {
        return value < 0 ? Long.toString(value) : "+" + value;
    }

    /** "+0.571" or "-0.020": a difference, always with its sign */
    static String signedFixed(double value, int digits) {
        String text = fixed(value, digits);
        return text.startsWith("-") ? text : "+" + text;
    }

    /** microseconds as milliseconds, one decimal (the script's {@code ms}). */
    static String ms(long micros) {
        return fixed(micros / 1000.0, 1);
    }

    /** bytes as whole MiB, rounded (the script's {@code mib}). */
    static String mib(long bytes) {
        return fixed(bytes / 1048576.0, 0);
    }

    /** awk's reading of a string as a number: its longest numeric prefix, 0 for none. */
    static double parse(String text) {
        if (text == null) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?").matcher(text);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }
}
