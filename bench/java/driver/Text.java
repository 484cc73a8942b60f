package driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers the tools' one-line results and the side files need. */
final class Text {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([-+]?\\d+)");

    private Text() {
    }

    /**
     * The value of {@code key=N} in a tool's result line ({@code grep -o "\bkey=[0-9]*"}), or null
     * when the key is absent. {@code -1} never occurs: the tools print non-negative counts.
     */
    static String value(String line, String key) {
        if (line == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\b" + Pattern.quote(key) + "=([0-9]*)").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** {@link #value} as a number, 0 when absent or empty (as bash's arithmetic reads "") */
    static long number(String line, String key) {
        String v = value(line, key);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    /** {@code status_413=12 status_200=1} in a result line as "413×12, 200×1", or null for none. */
    static String statuses(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = Pattern.compile("status_([0-9]*)=([0-9]*)").matcher(line);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group(1) + "×" + m.group(2));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** the order of GNU {@code sort -rn}: the leading number, largest first, then the whole line, reversed */
    static final Comparator<String> SORT_RN = Comparator.<String>comparingLong(Text::leadingNumber)
            .thenComparing(Comparator.naturalOrder()).reversed();

    static long leadingNumber(String line) {
        Matcher m = LEADING_NUMBER.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** {@code sort | uniq -c | sort -rn}: each distinct line with its count, as uniq prints it */
    static List<String> countDistinct(List<String> lines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        lines.forEach(line -> counts.merge(line, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((line, n) -> out.add(String.format("%7d %s", n, line)));
        out.sort(SORT_RN);
        return out;
    }
}
