package com.altscodex.jakarta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against the code, both ways: each key the main sources can read has a row,
 * and each row names a key they can read. The keys are found in the sources, not in a list kept
 * here: every string the code spells, a literal or a concatenation of literals and string
 * constants ({@code PREFIX + "client-id"}), that begins with {@code altscodex.}.
 */
class ConfigurationReferenceTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Path WAR_CONFIG = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final String PREFIX = "altscodex.";
    /** A key at the start of a string: dotted words, up to the first character no key has ("=", " ", "'"). */
    private static final Pattern KEY_AT_START = Pattern.compile("altscodex(?:\\.[A-Za-z0-9_-]+)+");
    /** A table row's first cell that is a key: the key alone, in backticks. */
    private static final Pattern KEY_CELL = Pattern.compile("`(altscodex\\.[^`\\s]+)`");
    /**
     * The one kind of string that shares the prefix without being a key: a meter's name (the first
     * argument of {@code new Meter(…)} in metrics/Meters.java, e.g. {@code altscodex.login.duration}),
     * which names a metric exported by the server, not a setting.
     */
    private static final List<String> NOT_A_KEY_AFTER = List.of("new", "Meter", "(");

    private static Set<String> codeKeys;

    @BeforeAll
    static void scanTheSources() throws IOException {
        codeKeys = keysIn(SOURCES);
    }

    @Test
    void everyKeyTheCodeReadsIsInTheReference() throws IOException {
        Set<String> missing = new TreeSet<>(codeKeys);
        missing.removeAll(documentedKeys());
        assertEquals(Set.of(), missing, "keys the code reads without a row in " + REFERENCE
                + " (add one: | `key` | type | default | meaning |)");
    }

    @Test
    void everyKeyInTheReferenceIsReadByTheCode() throws IOException {
        Set<String> unread = new TreeSet<>(documentedKeys());
        unread.removeAll(codeKeys);
        assertEquals(Set.of(), unread, "rows of " + REFERENCE + " naming keys no source under " + SOURCES + " reads");
    }

    @Test
    void theReferenceListsEachKeyOnce() throws IOException {
        List<String> rows = documentedKeyRows();
        Set<String> twice = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (String key : rows) {
            if (!seen.add(key)) {
                twice.add(key);
            }
        }
        assertEquals(Set.of(), twice, "keys with more than one row in " + REFERENCE);
    }

    /** The scan would find nothing if it lost its way: then both directions would say so, but unclearly. */
    @Test
    void theScanFindsEveryKeyConstantOfTheSettingsReader() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : SettingsReader.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                field.setAccessible(true);
                String value = (String) field.get(null);
                if (value.startsWith(PREFIX) && !value.endsWith(".")) {
                    constants.add(value);
                }
            }
        }
        assertTrue(constants.size() > 20, "SettingsReader's key constants: " + constants);
        Set<String> unfound = new TreeSet<>(constants);
        unfound.removeAll(codeKeys);
        assertEquals(Set.of(), unfound, "key constants of SettingsReader that the source scan missed");
    }

    /** The WAR's own defaults: a misspelt key there would be ignored without a word. */
    @Test
    void everyKeyTheWarSetsIsOneTheCodeReads() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(WAR_CONFIG)) {
            properties.load(reader);
        }
        Set<String> unread = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX) && !codeKeys.contains(key)) {
                unread.add(key);
            }
        }
        assertEquals(Set.of(), unread, "keys " + WAR_CONFIG + " sets that no source reads");
    }

    /** The keys of the reference's tables: the first cell of each row, {@code `altscodex.…`}. */
    private static Set<String> documentedKeys() throws IOException {
        return new TreeSet<>(documentedKeyRows());
    }

    private static List<String> documentedKeyRows() throws IOException {
        List<String> keys = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (String line : Files.readAllLines(REFERENCE)) {
            String row = line.trim();
            if (!row.startsWith("|")) {
                continue;
            }
            String first = row.substring(1).split("\\|", -1)[0].trim();
            Matcher key = KEY_CELL.matcher(first);
            if (key.matches()) {
                keys.add(key.group(1));
            } else if (first.contains(PREFIX)) {
                malformed.add(first);
            }
        }
        assertEquals(List.of(), malformed, "first cells of " + REFERENCE + " that hold a key other than as `altscodex.…` alone");
        assertTrue(keys.size() > 20, "the reference's key rows: " + keys);
        return keys;
    }

    /** The keys every Java source under {@code root} spells. */
    static Set<String> keysIn(Path root) throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String type = path.getFileName().toString().replaceFirst("\\.java$", "");
                sources.add(new Source(type, tokens(Files.readString(path))));
            }
        }
        Constants constants = Constants.of(sources);
        Set<String> keys = new TreeSet<>();
        for (Source source : sources) {
            for (String text : strings(source, constants)) {
                Matcher key = KEY_AT_START.matcher(text);
                if (key.lookingAt()) {
                    keys.add(key.group());
                }
            }
        }
        return keys;
    }

    /** One Java file: its top-level type's simple name and its tokens. */
    private record Source(String type, List<Token> tokens) {
    }

    /**
     * The string constants, {@code String NAME = "…" + OTHER + …;} with every part known, by
     * {@code Type.NAME}. A bare {@code NAME} is the file's own, else the one constant of that name
     * anywhere (a static import); a name declared in several files is known only qualified.
     */
    private record Constants(Map<String, String> byQualifiedName, Map<String, List<String>> bySimpleName) {
        static Constants of(List<Source> sources) {
            Constants constants = new Constants(new HashMap<>(), new HashMap<>());
            boolean grew = true;
            while (grew) { // until nothing more resolves: a constant may use one declared further on
                grew = false;
                for (Source source : sources) {
                    List<Token> file = source.tokens();
                    for (int i = 0; i + 3 < file.size(); i++) {
                        if (!file.get(i).isWord("String") || !file.get(i + 1).isIdentifier()
                                || !file.get(i + 2).isSymbol("=")) {
                            continue;
                        }
                        String qualified = source.type() + "." + file.get(i + 1).text();
                        if (constants.byQualifiedName().containsKey(qualified)) {
                            continue;
                        }
                        int end = i + 3;
                        while (end < file.size() && !file.get(end).isSymbol(";") && !file.get(end).isSymbol(",")) {
                            end++;
                        }
                        String value = concatenation(file.subList(i + 3, end), source, constants);
                        if (value != null) {
                            constants.byQualifiedName().put(qualified, value);
                            constants.bySimpleName().computeIfAbsent(file.get(i + 1).text(), k -> new ArrayList<>())
                                    .add(qualified);
                            grew = true;
                        }
                    }
                }
            }
            return constants;
        }

        String get(Source in, String qualifier, String name) {
            if (qualifier != null) {
                return byQualifiedName.get(qualifier + "." + name);
            }
            String own = byQualifiedName.get(in.type() + "." + name);
            if (own != null) {
                return own;
            }
            List<String> anywhere = bySimpleName.getOrDefault(name, List.of());
            return anywhere.size() == 1 ? byQualifiedName.get(anywhere.get(0)) : null;
        }
    }

    /** The value of {@code "a" + NAME + Type.NAME …} when every part is known, else null. */
    private static String concatenation(List<Token> expression, Source in, Constants constants) {
        StringBuilder value = new StringBuilder();
        int i = 0;
        while (i < expression.size()) {
            String part = operand(expression, i, in, constants);
            if (part == null) {
                return null;
            }
            value.append(part);
            i += operandLength(expression, i);
            if (i == expression.size()) {
                return value.toString();
            }
            if (!expression.get(i).isSymbol("+")) {
                return null;
            }
            i++;
        }
        return null;
    }

    /**
     * Every string the file spells: each literal, and each run of literals and known constants joined
     * by {@code +}, from each of its parts to the run's end, so that {@code "set " + PREFIX + "x"}
     * yields {@code altscodex.x} as well. A meter's name is left out (see {@link #NOT_A_KEY_AFTER}).
     */
    private static List<String> strings(Source source, Constants constants) {
        List<Token> file = source.tokens();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < file.size(); i++) {
            if (file.get(i).isString() && !follows(file, i, NOT_A_KEY_AFTER)) {
                strings.add(file.get(i).text());
            }
        }
        for (int start = 0; start < file.size(); start++) {
            if (follows(file, start, NOT_A_KEY_AFTER)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            int i = start;
            while (i < file.size()) {
                String part = operand(file, i, source, constants);
                if (part == null) {
                    break;
                }
                parts.add(part);
                i += operandLength(file, i);
                if (i < file.size() && file.get(i).isSymbol("+")) {
                    i++;
                } else {
                    break;
                }
            }
            if (parts.size() > 1) {
                for (int from = 0; from < parts.size(); from++) {
                    strings.add(String.join("", parts.subList(from, parts.size())));
                }
            }
        }
        return strings;
    }

    /** A literal, or a known {@code NAME} or {@code Type.NAME} (not a method call), at {@code i}; else null. */
    private static String operand(List<Token> tokens, int i, Source in, Constants constants) {
        Token token = tokens.get(i);
        if (token.isString()) {
            return token.text();
        }
        if (!token.isIdentifier()) {
            return null;
        }
        int length = operandLength(tokens, i);
        if (i + length < tokens.size() && tokens.get(i + length).isSymbol("(")) {
            return null;
        }
        return length == 3 ? constants.get(in, token.text(), tokens.get(i + 2).text())
                : constants.get(in, null, token.text());
    }

    private static int operandLength(List<Token> tokens, int i) {
        return tokens.get(i).isIdentifier() && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")
                && tokens.get(i + 2).isIdentifier() ? 3 : 1;
    }

    private static boolean follows(List<Token> tokens, int i, List<String> before) {
        if (i < before.size()) {
            return false;
        }
        for (int k = 0; k < before.size(); k++) {
            if (!tokens.get(i - before.size() + k).text().equals(before.get(k)) || tokens.get(i - before.size() + k).isString()) {
                return false;
            }
        }
        return true;
    }

    /** One token of Java: a string's value, a word (identifier or keyword), or a single symbol. */
    private record Token(char kind, String text) {
        boolean isString() {
            return kind == '"';
        }

        boolean isIdentifier() {
            return kind == 'w';
        }

        boolean isWord(String word) {
            return kind == 'w' && text.equals(word);
        }

        boolean isSymbol(String symbol) {
            return kind == 's' && text.equals(symbol);
        }
    }

    /**
     * Java's tokens, enough for this: comments dropped (a {@code "altscodex.x"} in Javadoc reads
     * nothing), string literals and text blocks as their values, character literals skipped (so that
     * {@code '"'} opens no string), numbers and other symbols one character at a time.
     */
    private static List<Token> tokens(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                StringBuilder text = new StringBuilder();
                while (end < n && !source.startsWith("\"\"\"", end)) {
                    end = unescaped(source, end, text);
                }
                tokens.add(new Token('"', text.toString().stripIndent().strip()));
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder text = new StringBuilder();
                while (end < n && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end = unescaped(source, end, text);
                }
                tokens.add(new Token('"', text.toString()));
                i = end + 1;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != '\'' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
                tokens.add(new Token('w', source.substring(i, end)));
                i = end;
            } else {
                tokens.add(new Token('s', String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /** Appends the character at {@code i} of a string literal, an escape as what it stands for; the next index. */
    private static int unescaped(String source, int i, StringBuilder text) {
        char c = source.charAt(i);
        if (c != '\\' || i + 1 >= source.length()) {
            text.append(c);
            return i + 1;
        }
        char escaped = source.charAt(i + 1);
        text.append(switch (escaped) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 's' -> ' ';
            default -> escaped; // \" \' \\, and what this test has no need to read exactly
        });
        return i + 2;
    }
}
